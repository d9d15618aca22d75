import rules

from accounts.predicates import is_staff_member

rules.add_perm("surveys.manage_surveys", is_staff_member)
