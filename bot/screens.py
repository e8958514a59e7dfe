"""Build the bot's replies in one language: answers, menus, pickers, notices."""

from __future__ import annotations

import html

from bot.callbacks import Callback
from bot.i18n import NATIVE_NAMES, Gettext, rtl
from bot.reply import Button, Reply, rows
from content.schema import Content
from content.selfchecks import SelfCheck
from nlu import LANGUAGES

# Answers to these intents end with the hotline and contact list.
WITH_CONTACTS = frozenset({"talk_to_human", "mental_health", "emergency"})
# Conversational answers get no "Was this helpful?" buttons.
NOT_RATED = frozenset({"greet", "goodbye", "thanks", "change_language", "emergency"})
# Which answers offer "Find the nearest", and for which service.
SERVICE_FOR_INTENT = {
    "covid_vaccine_sites": "covid_vaccination",
    "covid_testing": "covid_testing",
    "tb_testing": "tb_testing",
    "tb_treatment": "tb_treatment",
    "hiv_testing": "hiv_testing",
    "hiv_treatment": "hiv_treatment",
    "find_clinic": "general",
}


class Screens:
    def __init__(self, lang: str, content: Content, gettext: Gettext) -> None:
        self.lang = lang
        self.content = content
        self._ = gettext

    def _reply(self, text: str, buttons: tuple[tuple[Button, ...], ...] = ()) -> Reply:
        return Reply(rtl(text, self.lang), buttons)

    def menu_button(self) -> Button:
        return Button("☰ " + self._("Menu"), Callback("m"))

    def topic_button(self, intent: str) -> Button | None:
        answer = self.content.answer(intent)
        return Button(answer.title[self.lang], Callback("t", intent)) if answer else None

    def answer(self, intent: str) -> Reply:
        """The content answer for `intent`, with related topics and the menu as buttons."""
        answer = self.content.answer(intent)
        if answer is None:
            return self.cant_answer()
        text = answer.text[self.lang]
        if intent in WITH_CONTACTS:
            text += "\n\n" + self.contacts_text()
        related = [b for i in answer.related if (b := self.topic_button(i))]
        extra = {
            "privacy": [Button(self._("Delete my data"), Callback("forget"))],
            "change_language": self.language_buttons(),
        }.get(intent, [])
        if intent in SERVICE_FOR_INTENT and self.content.sites:
            service = SERVICE_FOR_INTENT[intent]
            extra = [Button("📍 " + self._("Find the nearest"), Callback("near", service))]
        rate = (
            Button("👍 " + self._("Helpful"), Callback("rate", f"{intent}:1")),
            Button("👎 " + self._("Not helpful"), Callback("rate", f"{intent}:0")),
        )
        checks = [
            self.selfcheck_button(check)
            for check in self.content.selfchecks.values()
            if intent in check.offered_under
        ]
        buttons = (*rows(checks + extra + related), (self.menu_button(),))
        return self._reply(text, buttons if intent in NOT_RATED else (*buttons, rate))

    def selfcheck_button(self, check: SelfCheck) -> Button:
        """Start a self-check (bot/selfcheck.py)."""
        return Button("🩺 " + check.title[self.lang], Callback("sc", f"{check.id}:"))

    def contacts_text(self) -> str:
        heading = html.escape(self._("Where to call"))
        unverified = html.escape(self._("not verified: please call to confirm"))
        lines = [f"<b>{heading}</b>"]
        for contact in self.content.contacts:
            line = (
                f"📞 {html.escape(contact.name[self.lang])}: <b>{html.escape(contact.phone)}</b>"
            )
            lines.append(line if contact.verified else f"{line} <i>({unverified})</i>")
        return "\n".join(lines)

    def cant_answer(self, *, offer_person: bool = False) -> Reply:
        text = self._(
            "Sorry, I can't answer that. I can help with TB, HIV, COVID-19 and access to "
            "health care. Choose a topic from the menu or call a hotline."
        )
        if offer_person:
            text += "\n\n" + self._(
                "It looks like I could not help you. You can talk to a person instead:"
            )
        text = html.escape(text) + "\n\n" + self.contacts_text()
        person = self.topic_button("talk_to_human")
        return self._reply(text, ((self.menu_button(),), *(((person,),) if person else ())))

    def clarify(self, intents: list[str]) -> Reply:
        buttons = [b for i in intents if (b := self.topic_button(i))]
        text = html.escape(self._("I am not sure I understood. Did you mean one of these?"))
        return self._reply(text, (*rows(buttons, width=1), (self.menu_button(),)))

    def menu(self) -> Reply:
        buttons = [Button(g.title[self.lang], Callback("g", g.id)) for g in self.content.menu]
        if self.content.selfchecks:
            buttons.append(Button("🩺 " + self._("Check yourself"), Callback("checks")))
        text = html.escape(self._("Choose a topic:"))
        return self._reply(text, rows(buttons, width=1))

    def menu_group(self, group_id: str) -> Reply:
        group = self.content.group(group_id)
        if group is None:
            return self.stale()
        buttons = [b for i in group.intents if (b := self.topic_button(i))]
        back = Button("◀ " + self._("Back"), Callback("m"))
        return self._reply(
            f"<b>{html.escape(group.title[self.lang])}</b>", (*rows(buttons, width=1), (back,))
        )

    def language_buttons(self) -> list[Button]:
        return [Button(NATIVE_NAMES[code], Callback("l", code)) for code in LANGUAGES]

    def language_picker(self) -> Reply:
        # Shown before we know the language, so the prompt is in several languages.
        text = "🌐 Выберите язык / Choose your language / Tilni tanlang / Забонро интихоб кунед"
        return Reply(text, rows(self.language_buttons(), width=3))

    def language_set(self) -> Reply:
        text = self._("Language: {language}.").format(language=NATIVE_NAMES[self.lang])
        return self._reply(html.escape(text))

    def switch_offer(self, to_lang: str, gettext: Gettext) -> Button:
        label = gettext("Switch to {language}").format(language=NATIVE_NAMES[to_lang])
        return Button("🌐 " + label, Callback("l", to_lang))

    def nlu_down(self) -> Reply:
        text = self._(
            "I cannot read typed questions right now. Please use the menu below; typed "
            "questions will work again soon."
        )
        return self._reply(html.escape(text), self.menu().buttons)

    def not_text(self) -> Reply:
        text = self._("I can only read text. Please type your question or use the menu.")
        return self._reply(html.escape(text), ((self.menu_button(),),))

    def stale(self) -> Reply:
        text = self._("This button is no longer valid. Here is the menu.")
        return self._reply(html.escape(text), self.menu().buttons)

    def forget_prompt(self) -> Reply:
        text = self._(
            "This deletes everything the bot stores about you: your language, settings and "
            "reminders. Delete it?"
        )
        yes = Button(self._("Yes, delete"), Callback("forget_yes"))
        no = Button(self._("No, keep"), Callback("forget_no"))
        return self._reply(html.escape(text), ((yes, no),))

    def forgotten(self) -> Reply:
        text = self._("Done. Everything stored about you has been deleted.")
        return self._reply(html.escape(text))

    def kept(self) -> Reply:
        return self._reply(html.escape(self._("Nothing was deleted.")), ((self.menu_button(),),))

    def thanks_for_rating(self) -> Reply:
        text = self._("Thank you! Your answer helps us improve.")
        return self._reply(html.escape(text), ((self.menu_button(),),))

    def error(self) -> Reply:
        text = self._("Sorry, something went wrong on our side. Please try again or use the menu.")
        return self._reply(html.escape(text), ((self.menu_button(),),))

    def welcome(self) -> Reply:
        text = self._(
            "Hello! I answer questions about TB, HIV and COVID-19 and help you find where to "
            "get tested, treated or vaccinated in Belarus. Type your question in your own "
            "words, or use the menu. In an emergency call 103 (ambulance) or 112."
        )
        language = Button("🌐 " + self._("Language"), Callback("langs"))
        return self._reply(html.escape(text), ((self.menu_button(), language),))
