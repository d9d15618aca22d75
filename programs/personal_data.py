from .models import Registration


def programs_data(user) -> list[dict]:
    return [
        {
            "session": str(registration.session),
            "status": registration.status,
            "code": registration.code,
            "checked_in_at": registration.checked_in_at.isoformat()
            if registration.checked_in_at
            else None,
            "accommodations": registration.needs,
        }
        for registration in Registration.objects.filter(user=user).select_related(
            "session__program__engagement", "interpreter_language"
        )
    ]
