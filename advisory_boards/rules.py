import rules

from accounts.predicates import is_agency_admin, is_staff_member

from .predicates import (
    is_board_draft_in_review,
    is_bound_member,
    is_public_draft_in_the_open,
    review_window_open,
)

rules.add_perm("advisory_boards.manage_boards", is_staff_member)
# A draft: everyone once a public comment period has begun; otherwise the agency's staff and the
# board's current members who accepted its confidentiality agreement.
rules.add_perm(
    "advisory_boards.view_draft",
    is_public_draft_in_the_open | is_staff_member | (is_board_draft_in_review & is_bound_member),
)
rules.add_perm(
    "advisory_boards.comment_on_draft",
    review_window_open & (is_bound_member | (is_public_draft_in_the_open & rules.is_authenticated)),
)
rules.add_perm("advisory_boards.take_position", review_window_open & is_bound_member)
rules.add_perm("advisory_boards.view_access_log", is_agency_admin)
# Confidential cases: the board's bound members only. Staff prepare cases but cannot reopen them;
# agency admins read the access log, not the case.
rules.add_perm("advisory_boards.view_case", is_bound_member)
rules.add_perm("advisory_boards.view_meeting", is_bound_member | is_staff_member)
