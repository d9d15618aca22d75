import rules

from accounts.predicates import is_staff_member

rules.add_perm("notices.manage_notices", is_staff_member)
