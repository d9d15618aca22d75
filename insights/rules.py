import rules

from accounts.predicates import is_staff_member

# Outreach staff plan where to go next from it; admins enter the community figures behind it.
rules.add_perm("insights.view_equity", is_staff_member)
