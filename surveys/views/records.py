"""The public-records export of a survey (identity removed, free text marked for review)."""

import logging

from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.decorators import permission_required_or_403
from engagements.exports import csv_response

from ..models import Survey
from ..records import survey_public_records

logger = logging.getLogger(__name__)


@permission_required_or_403("surveys.export_public_records")
def survey_records_export(request, pk: int):
    survey = get_object_or_404(Survey.objects.select_related("engagement"), pk=pk)
    today = timezone.localdate()
    export = survey_public_records(survey=survey, today=today)
    # Who released what is part of the records trail.
    logger.info(
        "public records export of survey %s (%d responses) by user %s",
        survey.pk,
        export.response_count,
        request.user.pk,
    )
    return csv_response(
        f"survey-{survey.pk}-public-records-{today.isoformat()}.csv",
        export.header,
        export.rows,
        preamble=export.preamble,
    )
