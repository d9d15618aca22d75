import rules

from accounts.predicates import is_agency_admin, is_staff_member

from .predicates import is_draft, is_published

rules.add_perm("engagements.manage_engagements", is_staff_member)
# Anyone may see a published or closed engagement; drafts only staff.
rules.add_perm("engagements.view_engagement_page", ~is_draft | is_staff_member)
rules.add_perm("engagements.publish_engagement", is_staff_member & is_draft)
rules.add_perm("engagements.close_engagement", is_staff_member & is_published)
rules.add_perm("engagements.manage_loop", is_staff_member)
# Records officers are agency admins: they set and release legal holds.
rules.add_perm("engagements.manage_legal_hold", is_agency_admin)
