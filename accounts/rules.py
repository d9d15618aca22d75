import rules

from .predicates import is_agency_admin, is_staff_member

rules.add_perm("accounts.access_staff_area", is_staff_member)
rules.add_perm("accounts.manage_people", is_agency_admin)
