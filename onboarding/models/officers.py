from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import divisions


class OfficerScope(models.Model):
    """Limits a programme officer to some provinces. An officer without a scope row sees
    every province (a provincial office usually has one officer team for the whole site)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="officer_scope",
                                verbose_name=_("officer"))
    province_codes = models.JSONField(_("provinces"), default=list, blank=True,
                                      help_text=_("Province codes this officer reviews. Empty: none."))

    class Meta:
        verbose_name = _("officer's provinces")
        verbose_name_plural = _("officers' provinces")

    def __str__(self):
        names = ", ".join(divisions.province_name(code) for code in self.province_codes)
        return f"{self.user}: {names or '—'}"

    def clean(self):
        super().clean()
        if not isinstance(self.province_codes, list):
            raise ValidationError({"province_codes": _("Give a list of province codes.")})
        try:
            for code in self.province_codes:
                divisions.validate_province(int(code))
        except (TypeError, ValueError) as exc:
            raise ValidationError({"province_codes": _("Unknown province.")}) from exc
        except ValidationError as exc:
            raise ValidationError({"province_codes": exc.messages}) from exc
        self.province_codes = sorted({int(code) for code in self.province_codes})
