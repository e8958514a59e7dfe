"""The first reply to an emergency: 103 and 112 on top, what to do now, then one way on."""

from __future__ import annotations

import html
from dataclasses import replace

from bot.i18n import rtl
from bot.reply import Button, Reply
from bot.screens import Screens
from content.schema import EmergencyAnswer


class EmergencyScreens:
    def __init__(self, screens: Screens) -> None:
        self.screens = screens
        self.lang = screens.lang
        self.content = screens.content

    def answer(self, situation: str | None, *, with_buttons: bool = True) -> Reply:
        """The situation's answer; the general emergency answer when there is none."""
        emergency = self.content.emergency(situation)
        if emergency is None:
            general = self.screens.answer("emergency")
            return general if with_buttons else replace(general, buttons=())
        parts = [self.content.emergencies.header[self.lang], emergency.text[self.lang]]
        if emergency.crisis_line:
            parts.append(self._crisis_line())
        notice = self._review_notice(emergency)
        if notice:
            parts.append(f"<i>{notice}</i>")
        buttons = self._buttons(emergency) if with_buttons else ()
        return Reply(rtl("\n\n".join(parts), self.lang), buttons)

    def _buttons(self, emergency: EmergencyAnswer) -> tuple[tuple[Button, ...], ...]:
        related = self.screens.topic_button(emergency.related) if emergency.related else None
        return (*(((related,),) if related else ()), (self.screens.menu_button(),))

    def _crisis_line(self) -> str:
        """The verified crisis line, or the plain statement that there is none yet."""
        contact = self.content.contact(self.content.emergencies.crisis_contact)
        if contact is None or not contact.verified:
            return self.content.emergencies.crisis_line_missing[self.lang]
        name, phone = html.escape(contact.name[self.lang]), html.escape(contact.phone)
        return f"📞 {name}: <b>{phone}</b>"

    def _review_notice(self, emergency: EmergencyAnswer) -> str | None:
        notices = self.content.emergencies.review_notice.get(emergency.status[self.lang], {})
        return notices.get(self.lang)
