import rules


@rules.predicate
def is_program_coordinator(user, program) -> bool:
    return bool(
        program is not None
        and user.is_authenticated
        and program.coordinators.filter(pk=user.pk).exists()
    )


@rules.predicate
def is_own(user, obj) -> bool:
    """The person a request, application or hours entry belongs to."""
    return bool(obj is not None and user.is_authenticated and obj.user_id == user.pk)
