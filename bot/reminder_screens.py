"""Replies for reminders: the guided flow, confirmations, the list, the reminders themselves."""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_skeleton, format_time

from bot.callbacks import Callback
from bot.i18n import babel_locale, rtl
from bot.reply import Button, Reply, rows
from bot.screens import Screens
from content.sites import Site
from scheduler.ports import ReminderMessage
from storage.reminders import Reminder

HOURS = tuple(range(7, 22))
UNTIL_DAYS = (7, 30, 180, 0)  # 0: until stopped


class ReminderScreens:
    def __init__(self, screens: Screens, zone: ZoneInfo) -> None:
        self.s, self._, self.lang, self.zone = screens, screens._, screens.lang, zone

    def _reply(self, text: str, buttons=()) -> Reply:
        return Reply(rtl(text, self.lang), tuple(buttons))

    def when(self, moment: datetime) -> str:
        local, locale = moment.astimezone(self.zone), babel_locale(self.lang)
        day = format_date(local, "full", locale=locale)
        return f"{day}, {format_time(local, 'short', locale=locale)}"

    def kinds(self, *, unclear: bool = False) -> Reply:
        _ = self._
        text = _("What should I remind you about?")
        if unclear:
            text = _("I could not understand the date and time. Please choose with the buttons.")
        buttons = [
            Button("🩺 " + _("Appointment"), Callback("rk", "appointment")),
            Button("💉 " + _("Vaccination"), Callback("rk", "vaccination")),
            Button("💊 " + _("Daily tablets"), Callback("rk", "medication")),
        ]
        return self._reply(html.escape(text), rows(buttons, width=1))

    def days(self, today: date, *, start: int = 0) -> Reply:
        locale = babel_locale(self.lang)
        days = [today + timedelta(days=n) for n in range(start, start + 14)]
        buttons = [
            Button(format_skeleton("MMMEd", d, locale=locale), Callback("rd", d.isoformat()))
            for d in days
        ]
        later = Button(self._("Later") + " ▶", Callback("rdays", str(start + 14)))
        nav = (later,) if start + 14 < 365 else ()
        text = html.escape(self._("Which day?"))
        return self._reply(text, (*rows(buttons, width=3), nav))

    def times(self, *, daily: bool) -> Reply:
        buttons = [Button(f"{h:02d}:00", Callback("rt", f"{h:02d}00")) for h in HOURS]
        halves = [Button(f"{h:02d}:30", Callback("rt", f"{h:02d}30")) for h in HOURS]
        question = self._("At what time every day?") if daily else self._("At what time?")
        hint = self._("Or type the time, for example 9:45.")
        text = f"{html.escape(question)}\n<i>{html.escape(hint)}</i>"
        return self._reply(text, rows(buttons, width=5) + rows(halves, width=5))

    def until(self) -> Reply:
        _ = self._
        labels = {7: _("1 week"), 30: _("1 month"), 180: _("6 months"), 0: _("Until I stop")}
        buttons = [Button(labels[d], Callback("ru", str(d))) for d in UNTIL_DAYS]
        return self._reply(html.escape(_("For how long?")), rows(buttons, width=2))

    def confirm(self, kind: str, at: datetime, note: str, until: datetime | None) -> Reply:
        _ = self._
        if kind == "medication":
            time_text = format_time(
                at.astimezone(self.zone), "short", locale=babel_locale(self.lang)
            )
            text = _("Daily tablets at {time}, starting {date}.").format(
                time=time_text, date=self.when(at)
            )
            if until:
                ends = format_date(
                    until.astimezone(self.zone), "long", locale=babel_locale(self.lang)
                )
                text += " " + _("Until {date}.").format(date=ends)
        else:
            label = _("Appointment") if kind == "appointment" else _("Vaccination")
            text = f"{label}: {self.when(at)}. " + _(
                "I will remind you a day before and 2 hours before."
            )
        body = html.escape(text)
        if note:
            body += f"\n📝 {html.escape(note)}"
        buttons = (
            (
                Button("✅ " + _("Save"), Callback("rsave")),
                Button(_("Add a note"), Callback("rnote")),
            ),
            (Button("✖ " + _("Cancel"), Callback("rstop")),),
        )
        return self._reply(body + "\n\n" + html.escape(_("Save this reminder?")), buttons)

    def ask_note(self) -> Reply:
        return self._reply(html.escape(self._("Type your note (for example: bring the X-ray).")))

    def saved(self) -> Reply:
        text = self._("Saved. I will remind you. /reminders shows your reminders.")
        return self._reply(html.escape(text), ((self.s.menu_button(),),))

    def problem(self, which: str) -> Reply:
        _ = self._
        text = {
            "past": _("That time has already passed. Please choose a time in the future."),
            "far": _("That is more than a year ahead. Please choose an earlier date."),
            "limit": _("You already have 50 reminders. Please cancel one first (/reminders)."),
            "stopped": _("The reminder was not saved."),
        }[which]
        return self._reply(html.escape(text), ((self.s.menu_button(),),))

    def listing(self, reminders: list[Reminder], discreet: bool) -> Reply:
        _ = self._
        if not reminders:
            text = _("You have no reminders. Send /remind to set one.")
            return self._reply(
                html.escape(text), ((Button(_("Set a reminder"), Callback("rnew")),),)
            )
        heading = html.escape(_("Your reminders"))
        lines, buttons = [f"<b>{heading}</b>"], []
        for n, r in enumerate(reminders, start=1):
            lines.append(f"{n}. {html.escape(self._describe(r))}")
            buttons.append(Button(f"✖ {n}", Callback("rc", str(r.id))))
        mode = _("Discreet mode: on") if discreet else _("Discreet mode: off")
        toggle = Button(mode, Callback("discreet", "0" if discreet else "1"))
        return self._reply("\n".join(lines), (*rows(buttons, width=5), (toggle,)))

    def _describe(self, r: Reminder) -> str:
        _ = self._
        if r.kind == "medication":
            time_text = format_time(
                r.at.astimezone(self.zone), "short", locale=babel_locale(self.lang)
            )
            text = _("Daily tablets at {time}").format(time=time_text)
        else:
            label = _("Appointment") if r.kind == "appointment" else _("Vaccination")
            text = f"{label}: {self.when(r.at)}"
        if r.status == "paused":
            text += f" ({_('paused')})"
        return f"{text} — {r.note}" if r.note else text

    def cancelled(self) -> Reply:
        return self._reply(html.escape(self._("The reminder was cancelled.")))

    def discreet_set(self, on: bool) -> Reply:
        _ = self._
        text = (
            _("Discreet mode is on: reminders do not name a disease or medicine.")
            if on
            else _("Discreet mode is off: reminders show your note.")
        )
        return self._reply(html.escape(text))

    def dose_reply(self, taken: bool) -> Reply:
        _ = self._
        text = (
            _("Well done! Noted as taken.") if taken else _("OK, I will remind you in 30 minutes.")
        )
        return self._reply(html.escape(text))

    def reminder(self, message: ReminderMessage, site: Site | None) -> Reply:
        """The reminder itself, as the user receives it."""
        _, when = self._, self.when(message.occurrence)
        if message.kind == "missed_doses":
            text = html.escape(_(
                "It looks like the last doses were not marked as taken. Missed doses can make "
                "treatment stop working. If something makes it hard, talk to your doctor or "
                "call a hotline."
            ))  # fmt: skip
            return self._reply(text + "\n\n" + self.s.contacts_text())
        if message.kind == "medication":
            return self._dose(message)
        label = _("Appointment") if message.kind == "appointment" else _("Vaccination")
        lines = [
            "⏰ " + html.escape(_("Reminder: {what} on {when}.").format(what=label, when=when))
        ]
        if message.note:
            lines.append(f"📝 {html.escape(message.note)}")
        if site is not None:
            address = (
                f"📍 {html.escape(site.name[self.lang])}, {html.escape(site.address[self.lang])}"
            )
            if not site.verified:
                address += f" <i>({html.escape(_('not verified: please call to confirm'))})</i>"
            lines.append(address)
        return self._reply("\n".join(lines))

    def _dose(self, message: ReminderMessage) -> Reply:
        _ = self._
        at = format_time(
            message.occurrence.astimezone(self.zone), "short", locale=babel_locale(self.lang)
        )
        if message.discreet:
            text = _("Time for your daily tablets ({time}).").format(time=at)
        else:
            text = _("Time for your medicine ({time}).").format(time=at)
        body = "⏰ " + html.escape(text)
        if message.late:
            body += (
                "\n<i>"
                + html.escape(
                    _("Sent late: it was planned for {time}.").format(
                        time=self.when(message.occurrence)
                    )
                )
                + "</i>"
            )
        if message.note and not message.discreet:
            body += f"\n📝 {html.escape(message.note)}"
        key = f"{message.reminder_id}:{int(message.occurrence.timestamp())}"
        buttons = ((
            Button("✅ " + _("Taken"), Callback("taken", key)),
            Button("⏰ " + _("Snooze 30 min"), Callback("snooze", key)),
        ),)  # fmt: skip
        return self._reply(body, buttons)

    def adherence(self, days: list[tuple[date, str | None]]) -> Reply:
        """A compact calendar of the last 30 days: ✅ taken, ❌ missed, ▫️ nothing planned."""
        _ = self._
        marks = {"taken": "✅", "missed": "❌", None: "▫️"}
        cells = [marks[status] for _day, status in days]
        weeks = ["".join(cells[i : i + 7]) for i in range(0, len(cells), 7)]
        taken = sum(status == "taken" for _day, status in days)
        planned = sum(status is not None for _day, status in days)
        first = format_date(days[0][0], "medium", locale=babel_locale(self.lang))
        header = html.escape(_("Your tablets since {date}:").format(date=first))
        summary = html.escape(
            _("Taken {taken} of {planned}.").format(taken=taken, planned=planned)
        )
        legend = html.escape(_("✅ taken  ❌ missed  ▫️ no dose planned"))
        return self._reply("\n".join([f"<b>{header}</b>", *weeks, summary, f"<i>{legend}</i>"]))
