"""Who someone is, as `rules` predicates. Superusers pass every permission check on their own."""

import rules

from .roles import Role

is_outreach_staff = rules.is_group_member(Role.OUTREACH_STAFF.value)
is_agency_admin = rules.is_group_member(Role.AGENCY_ADMIN.value)
# Admins do everything outreach staff do.
is_staff_member = is_outreach_staff | is_agency_admin
