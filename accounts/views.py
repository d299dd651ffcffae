from django.contrib import messages
from django.contrib.auth import login
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from accounts.forms import SignupForm
from accounts.services import user_sign_up


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("/")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = user_sign_up(email=data["email"], password=data["password1"], full_name=data["full_name"],
                                phone=data["phone"])
        except IntegrityError:  # the same e-mail signed up a moment ago
            form.add_error("email", _("An account with this e-mail already exists. Sign in or reset your password."))
            return render(request, "accounts/signup.html", {"form": form}, status=400)
        login(request, user, backend="accounts.backends.ModelBackend")
        messages.success(request, _("Welcome, %(name)s! Your account is ready.") % {"name": user.get_short_name()})
        next_url = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return redirect(next_url)
        return redirect("/")
    return render(request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200)
