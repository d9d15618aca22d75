from django.shortcuts import render

from accounts.decorators import permission_required_or_403

from ..panels import staff_home_sections
from ..selectors.home import staff_home as staff_home_for


@permission_required_or_403("engagements.manage_engagements")
def staff_home(request):
    return render(
        request,
        "engagements/staff_home.html",
        {
            "home": staff_home_for(user=request.user),
            "sections": staff_home_sections(request.user),
            "nav": "staff",
        },
    )
