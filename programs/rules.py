import rules

from accounts.predicates import is_staff_member

from .predicates import is_own, is_program_coordinator

rules.add_perm("programs.manage_programs", is_staff_member)
# Minors' details (date of birth, school, guardian) stay with the program's coordinators.
rules.add_perm("programs.view_minor_details", is_program_coordinator)
# A resident's own request or application; staff review them all.
rules.add_perm("programs.view_personal_record", is_own | is_staff_member)
