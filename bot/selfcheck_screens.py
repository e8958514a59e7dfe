"""What the self-checks show: one question per message, the result and its next steps."""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

from bot.callbacks import Callback
from bot.i18n import babel_locale, rtl
from bot.reply import Button, Reply, rows
from bot.screens import Screens
from content.selfchecks import NO, UNSURE, YES, SelfCheck


class SelfcheckScreens:
    def __init__(self, screens: Screens) -> None:
        self.s, self._, self.lang = screens, screens._, screens.lang

    def _reply(self, text: str, buttons: tuple[tuple[Button, ...], ...]) -> Reply:
        return Reply(rtl(text, self.lang), buttons)

    def choose(self) -> Reply:
        checks = self.s.content.selfchecks.values()
        text = html.escape(self._("Choose a self-check. It takes a few taps:"))
        buttons = [self.s.selfcheck_button(c) for c in checks]
        return self._reply(text, (*rows(buttons, width=1), (self.s.menu_button(),)))

    def _header(self, check: SelfCheck, number: int, total: int | None) -> str:
        title = f"<b>{html.escape(check.title[self.lang])}</b>"
        if total:
            title += " · " + html.escape(
                self._("question {n} of {total}").format(n=number, total=total)
            )
        intro = "\n" + html.escape(check.intro[self.lang]) if number == 1 else ""
        return title + intro

    def _back(self, check: SelfCheck, state: str) -> Button:
        target = Callback("sc", f"{check.id}:{state[:-1]}") if state else Callback("checks")
        return Button("◀ " + self._("Back"), target)

    def question(self, check: SelfCheck, answers: str) -> Reply:
        """The next question of a scored check, with Yes / No / Not sure and Back."""
        number, question = len(answers) + 1, check.questions[len(answers)]
        text = self._header(check, number, len(check.questions))
        text += "\n\n" + html.escape(question.text[self.lang])
        choices = [
            Button(label, Callback("sc", f"{check.id}:{answers}{code}"))
            for label, code in (
                (self._("Yes"), YES),
                (self._("No"), NO),
                (self._("Not sure"), UNSURE),
            )
        ]
        return self._reply(text, (tuple(choices), (self._back(check, answers),)))

    def hiv_question(self, check: SelfCheck, path: str) -> Reply:
        """The HIV flow's questions: when, which day, what time, how long ago, ongoing."""
        key = {"": "when", "r": "day", "o": "long_ago"}.get(path)
        key = key or ("time" if path.startswith("r") else "ongoing")
        text = self._header(check, 1 if not path else 2, None)
        text += "\n\n" + html.escape(check.texts[key][self.lang])
        buttons = [
            Button(label, Callback("sc", f"{check.id}:{path}{code}"))
            for label, code in self._hiv_options(key)
        ]
        return self._reply(text, (*rows(buttons, width=2), (self._back(check, path),)))

    def _hiv_options(self, key: str) -> list[tuple[str, str]]:
        _ = self._
        options = {
            "when": [(_("In the last 3 days"), "r"), (_("More than 3 days ago"), "o"),
                     (_("Not sure"), "u")],
            "day": [(_("Today"), "0"), (_("Yesterday"), "1"), (_("2 days ago"), "2"),
                    (_("3 days ago"), "3")],
            "time": [(_("Night (0-6)"), "n"), (_("Morning (6-12)"), "m"),
                     (_("Afternoon (12-18)"), "a"), (_("Evening (18-24)"), "e")],
            "long_ago": [(_("Less than 6 weeks"), "w"), (_("6 weeks to 3 months"), "l"),
                         (_("More than 3 months"), "y")],
            "ongoing": [(_("Yes"), YES), (_("No"), NO)],
        }  # fmt: skip
        return options[key]

    def result(self, check: SelfCheck, advice: str, reason: dict | None = None) -> Reply:
        """The result (already Telegram HTML from the content), the why, and next steps."""
        parts = [f"<b>{html.escape(check.title[self.lang])}</b>", advice]
        if reason:
            parts.append(html.escape(reason[self.lang]))
        parts.append("<i>" + html.escape(self._("This is not a diagnosis.")) + "</i>")
        status = check.status.get(self.lang)
        if status != "reviewed":
            parts.append(self._status_line(status))
        actions = []
        if self.s.content.sites:
            actions.append(
                Button("📍 " + self._("Find the nearest"), Callback("near", check.service))
            )
        actions.append(Button("⏰ " + self._("Remind me to go"), Callback("rk", "appointment")))
        for intent in (check.answer, "talk_to_human"):
            if (button := self.s.topic_button(intent)) is not None:
                actions.append(button)
        return self._reply("\n\n".join(parts), (*rows(actions, width=1), (self.s.menu_button(),)))

    def _status_line(self, status: str | None) -> str:
        line = self._("Not yet checked by a health worker.")
        if status == "machine":
            line += " " + self._("Translated automatically.")
        return "<i>" + html.escape(line) + "</i>"

    def follow_up_offer(self, result_id: int) -> Reply:
        text = html.escape(self._("Shall I ask you in 7 days whether you could get checked?"))
        buttons = (
            Button(self._("Yes, ask me in 7 days"), Callback("scf", f"{result_id}:1")),
            Button(self._("No, thank you"), Callback("scf", f"{result_id}:0")),
        )
        return self._reply(text, (buttons,))

    def follow_up_planned(self, due: datetime, zone: ZoneInfo) -> Reply:
        day = format_date(due.astimezone(zone), "long", locale=babel_locale(self.lang))
        text = html.escape(self._("Good. I will ask you on {date}.").format(date=day))
        return self._reply(text, ((self.s.menu_button(),),))

    def no_follow_up(self) -> Reply:
        text = html.escape(self._("All right. You can do the check again at any time: /check"))
        return self._reply(text, ((self.s.menu_button(),),))

    def follow_up_question(self, check: SelfCheck, result_id: int) -> Reply:
        text = self._("A week ago you did the {check}. Did you manage to get checked?")
        choices = (
            (self._("Yes, I went"), "went"), (self._("Not yet"), "not_yet"),
            (self._("I could not go"), "cannot"),
        )  # fmt: skip
        buttons = [
            Button(label, Callback("sco", f"{result_id}:{code}")) for label, code in choices
        ]
        return self._reply(
            html.escape(text.format(check=check.title[self.lang])), rows(buttons, width=1)
        )

    def reasons(self, result_id: str) -> Reply:
        text = html.escape(self._("What stood in the way?"))
        choices = (
            (self._("Cost"), "cost"), (self._("Documents"), "documents"),
            (self._("Language"), "language"), (self._("Too far"), "distance"),
            (self._("No time"), "time"), (self._("Something else"), "other"),
        )  # fmt: skip
        buttons = [
            Button(label, Callback("sco", f"{result_id}:{code}")) for label, code in choices
        ]
        return self._reply(text, rows(buttons, width=2))

    def outcome_thanks(self, outcome: str) -> Reply:
        text = html.escape(self._("Thank you for telling me."))
        buttons: list[Button] = []
        if outcome not in ("went", "not_yet"):
            text += "\n" + html.escape(
                self._("A person may be able to help with what stood in the way.")
            )
            buttons = [
                b for i in ("talk_to_human", "healthcare_rights") if (b := self.s.topic_button(i))
            ]
        return self._reply(text, (*rows(buttons, width=1), (self.s.menu_button(),)))
