import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from . import services
from .forms import AccountDeleteForm, DemographicsForm, ProfileForm
from .personal_data import personal_data_export


@require_POST
def set_language(request):
    """Django's language switch, which also remembers the choice on the person's profile."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    valid = language in dict(settings.LANGUAGES) and check_for_language(language)
    if valid and request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    return response


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(
            user=request.user,
            values=form.cleaned_data,
            sms_consent=form.cleaned_data["sms_consent"],
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "nav": "profile"})


@login_required
def demographics(request):
    current = getattr(request.user, "demographics", None)
    if request.method == "POST" and "withdraw" in request.POST:
        services.demographics_withdraw(user=request.user)
        messages.success(request, _("Your answers are deleted."))
        return redirect("accounts:profile")
    initial = {}
    if current is not None:
        initial = {
            "consent": True,
            "age_band": current.age_band,
            "gender": current.gender,
            "race_ethnicity": current.race_ethnicity,
            "languages_spoken": current.languages_spoken.all(),
            "disability": current.disability,
            "income_band": current.income_band,
        }
    form = DemographicsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.demographics_save(user=request.user, values=form.cleaned_data)
        messages.success(request, _("Thank you. Your answers are saved."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/demographics_form.html",
        {"form": form, "current": current, "nav": "profile"},
    )


@never_cache
@login_required
def personal_data_download(request):
    data = personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


@login_required
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.user_delete(user=user)
        messages.success(request, _("Your account is deleted."))
        return redirect("home")
    return render(request, "accounts/account_delete.html", {"form": form, "nav": "profile"})
