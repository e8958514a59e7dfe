"""Replies for news subscriptions, health workers' roles and campaigns."""

from __future__ import annotations

import html

from bot.callbacks import Callback
from bot.i18n import NATIVE_NAMES, rtl
from bot.reply import Button, Reply, rows
from bot.screens import Screens
from content.campaigns import TOPICS, PreparedCampaign, text_for
from nlu import LANGUAGES
from storage.campaigns import Campaign


class CampaignScreens:
    def __init__(self, screens: Screens) -> None:
        self.s, self._, self.lang = screens, screens._, screens.lang

    def _reply(self, text: str, buttons=()) -> Reply:
        return Reply(rtl(text, self.lang), tuple(buttons))

    def topic_names(self) -> dict[str, str]:
        return {"tb": self._("Tuberculosis"), "hiv": self._("HIV"), "covid": "COVID-19"}

    # --- subscribers -------------------------------------------------------------------
    def offer_news(self) -> Reply:
        _ = self._
        text = _(
            "Would you like health news from this bot, for example vaccination days or free "
            "testing? About a few messages a month. You can stop any time with /stop."
        )
        buttons = ((Button("✅ " + _("Yes, send me news"), Callback("news", "1")),
                    Button(_("No, thanks"), Callback("news", "0"))),)  # fmt: skip
        return self._reply(html.escape(text), buttons)

    def topics(self, chosen: tuple[str, ...]) -> Reply:
        _ = self._
        names = self.topic_names()
        buttons = [
            Button(("✅ " if t in chosen else "▫️ ") + names[t], Callback("nt", t)) for t in TOPICS
        ]
        done = Button(_("Save"), Callback("nsave"))
        text = _("Which news would you like? Press a topic to switch it on or off.")
        return self._reply(html.escape(text), (*rows(buttons, width=3), (done,)))

    def subscribed(self, topics: tuple[str, ...]) -> Reply:
        names = ", ".join(self.topic_names()[t] for t in topics)
        text = self._("You will get health news about: {topics}. Send /stop to stop.")
        return self._reply(html.escape(text.format(topics=names)))

    def unsubscribed(self) -> Reply:
        text = self._("You will not get health news. Send /subscribe to start again.")
        return self._reply(html.escape(text))

    # --- health workers ------------------------------------------------------------------
    def role_help(self) -> Reply:
        text = self._(
            "Send /grant or /revoke followed by the person's Telegram id, or forward me a "
            "message from them now."
        )
        return self._reply(html.escape(text))

    def role_changed(self, telegram_id: int, granted: bool) -> Reply:
        text = (
            self._("{id} is now a health worker and can send campaigns.")
            if granted
            else self._("{id} is no longer a health worker.")
        )
        return self._reply(html.escape(text.format(id=telegram_id)))

    def workers(self, ids: list[int]) -> Reply:
        heading = html.escape(self._("Health workers:"))
        body = "\n".join(str(i) for i in ids) or html.escape(self._("none yet"))
        return self._reply(f"<b>{heading}</b>\n{body}")

    # --- broadcast -----------------------------------------------------------------------
    def compose(self, prepared: tuple[PreparedCampaign, ...]) -> Reply:
        _ = self._
        buttons = [Button(c.title[:40], Callback("bcp", c.id[:30])) for c in prepared]
        text = _("Type the message to send now, or choose a prepared campaign:")
        stop = Button("✖ " + _("Cancel"), Callback("bcx"))
        return self._reply(html.escape(text), (*rows(buttons, width=1), (stop,)))

    def audience(self, languages: set[str], topics: set[str]) -> Reply:
        _ = self._
        langs = [Button(("✅ " if c in languages else "▫️ ") + NATIVE_NAMES[c], Callback("bcl", c))
                 for c in LANGUAGES]  # fmt: skip
        names = self.topic_names()
        subjects = [Button(("✅ " if t in topics else "▫️ ") + names[t], Callback("bct", t))
                    for t in TOPICS]  # fmt: skip
        text = _("Who should receive it? Choose languages and topics, then Preview.")
        preview = Button(_("Preview") + " ▶", Callback("bcv"))
        stop = Button("✖ " + _("Cancel"), Callback("bcx"))
        return self._reply(
            html.escape(text), (*rows(langs, width=3), tuple(subjects), (preview, stop))
        )

    def preview(self, texts: dict[str, str], buttons, lang: str) -> Reply:
        links = [Button(label, url=url) for label, url in buttons]
        return Reply(text_for(texts, lang), rows(links, width=1))

    def confirm(self, audience: int) -> Reply:
        _ = self._
        text = _("Above is the message as recipients will see it. It will go to {n} people.")
        send = Button("✅ " + _("Send"), Callback("bcs"))
        stop = Button("✖ " + _("Cancel"), Callback("bcx"))
        return self._reply(html.escape(text.format(n=audience)), ((send, stop),))

    def started(self, audience: int) -> Reply:
        text = self._("Sending to {n} people. /campaigns shows the progress.")
        return self._reply(html.escape(text.format(n=audience)))

    def stopped(self) -> Reply:
        return self._reply(html.escape(self._("Nothing was sent.")))

    def campaigns(self, items: list[tuple[Campaign, dict[str, int]]]) -> Reply:
        _ = self._
        if not items:
            return self._reply(html.escape(_("No campaigns yet. Send /broadcast to start one.")))
        lines, buttons = [], []
        for campaign, figures in items:
            title = f"#{campaign.id} {html.escape(campaign.source)}"
            lines.append(
                f"<b>{title}</b> — {html.escape(_(campaign.state))}\n"
                + html.escape(_(
                    "queued {queued}, sent {sent}, failed {failed}, blocked {blocked}, "
                    "unknown {unknown}"
                ).format(**figures))
            )  # fmt: skip
            actions = {"sending": (("Pause", "pause"), ("Cancel", "cancel")),
                       "paused": (("Resume", "resume"), ("Cancel", "cancel"))}  # fmt: skip
            for label, action in actions.get(campaign.state, ()):
                buttons.append(
                    Button(f"{_(label)} #{campaign.id}", Callback("cp", f"{campaign.id}:{action}"))
                )
        return self._reply("\n\n".join(lines), rows(buttons, width=2))


# Campaign states and actions, listed for the catalogs (pybabel extracts these calls).
def _catalog_words(_) -> None:
    _("sending"), _("paused"), _("cancelled"), _("done"), _("Pause"), _("Resume")
