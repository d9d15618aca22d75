import rules

from accounts.predicates import is_staff_member

rules.add_perm("surveys.manage_surveys", is_staff_member)
# The de-identified export for public-records requests; a rule of its own so an agency can narrow
# it to its records officers.
rules.add_perm("surveys.export_public_records", is_staff_member)
