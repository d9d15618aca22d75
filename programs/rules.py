import rules

from accounts.predicates import is_staff_member

rules.add_perm("programs.manage_programs", is_staff_member)
