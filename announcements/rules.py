import rules

from accounts.predicates import is_staff_member

rules.add_perm("announcements.manage_announcements", is_staff_member)
