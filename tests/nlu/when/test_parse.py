"""Reminder times typed as free text, in the bot's 12 languages.

All phrases are read at NOW, Wednesday 2026-11-25 14:00 in Minsk. None means the bot must ask
back: the phrase is ambiguous, in the past, too far ahead, or not a time at all.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from nlu.when import lexicon, parse_when, phrase, run_cli, tokens

MINSK = ZoneInfo("Europe/Minsk")
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=MINSK)  # a Wednesday

TOMORROW_9 = "2026-11-26 09:00"
IN_2_HOURS = "2026-11-25 16:00"
IN_30_MINUTES = "2026-11-25 14:30"
IN_3_DAYS = "2026-11-28 14:00"
IN_A_WEEK = "2026-12-02 14:00"
FRIDAY_10 = "2026-11-27 10:00"
MARCH_12_15 = "2027-03-12 15:00"

PHRASES: dict[str, list[tuple[str, str | None]]] = {
    "ru": [
        ("завтра в 9", TOMORROW_9),
        ("Завтра в 9:00", TOMORROW_9),
        ("завтра в 9 утра", TOMORROW_9),
        ("завтра утром", TOMORROW_9),
        ("напомни завтра в 09:00, пожалуйста", TOMORROW_9),
        ("завтра в 9 30", "2026-11-26 09:30"),
        ("завтра в 7 вечера", "2026-11-26 19:00"),
        ("завтра в 10.11", "2026-11-26 10:11"),
        ("сегодня в 18:30", "2026-11-25 18:30"),
        ("сегодня вечером", "2026-11-25 19:00"),
        ("послезавтра в 8", "2026-11-27 08:00"),
        ("после завтра в 8", "2026-11-27 08:00"),
        ("в пятницу в 10:30", "2026-11-27 10:30"),
        ("в эту пятницу в 10", FRIDAY_10),
        ("во вторник в 9", "2026-12-01 09:00"),
        ("в среду в 15:00", "2026-11-25 15:00"),
        ("в среду в 10", "2026-12-02 10:00"),
        ("пн 20:00", "2026-11-30 20:00"),
        ("12 марта в 15:00", MARCH_12_15),
        ("12-го марта в 3 часа дня", MARCH_12_15),
        ("12.03 в 15:00", MARCH_12_15),
        ("12.03.2027 в 15:00", MARCH_12_15),
        ("2027-03-12 15:00", MARCH_12_15),
        ("1 декабря в 10 утра", "2026-12-01 10:00"),
        ("24 ноября в 10:00", "2027-11-24 10:00"),
        ("через 2 часа", IN_2_HOURS),
        ("через два часа", IN_2_HOURS),
        ("через час", "2026-11-25 15:00"),
        ("через полчаса", IN_30_MINUTES),
        ("через 15 минут", "2026-11-25 14:15"),
        ("через двадцать пять минут", "2026-11-25 14:25"),
        ("через полтора часа", "2026-11-25 15:30"),
        ("через 3 дня", IN_3_DAYS),
        ("через неделю", IN_A_WEEK),
        ("через 2 дня в 9", "2026-11-27 09:00"),
        ("в 10 утра", "2026-11-26 10:00"),
        ("в 7 вечера", "2026-11-25 19:00"),
        ("в 3 дня", "2026-11-25 15:00"),
        ("в час дня", "2026-11-26 13:00"),
        ("в 9 часов", TOMORROW_9),
        ("в 21:00", "2026-11-25 21:00"),
        ("в 9.30", "2026-11-26 09:30"),
        ("в полдень", "2026-11-26 12:00"),
        ("9", TOMORROW_9),
        ("в 11 вечера", "2026-11-25 23:00"),
        ("в 9 часов 30 минут", "2026-11-26 09:30"),
        ("в 20-00", "2026-11-25 20:00"),
        ("в 18-30", "2026-11-25 18:30"),
        ("20 дек в 11", "2026-12-20 11:00"),
        ("в субботу утром", "2026-11-28 09:00"),
        ("в пятницу вечером", "2026-11-27 19:00"),
        ("на завтра в 9", TOMORROW_9),
        ("через 3 часа 30 минут", "2026-11-25 17:30"),
        ("через час с половиной", "2026-11-25 15:30"),
        ("через 1,5 часа", "2026-11-25 15:30"),
        ("через 100 дней", "2027-03-05 14:00"),
        ("в восемь утра", "2026-11-26 08:00"),
        ("в 9ч30", "2026-11-26 09:30"),
        ("12 марта 2027 г. в 10", "2027-03-12 10:00"),
        ("zavtra v 9", TOMORROW_9),
        ("cherez 2 chasa", IN_2_HOURS),
        ("v pyatnicu v 10", FRIDAY_10),
        ("завтра", None),
        ("в пятницу", None),
        ("12 марта", None),
        ("в 3", None),
        ("в 3 часа", None),
        ("в 2 ночи", None),
        ("завтра ночью", None),
        ("сегодня в 9", None),
        ("утром", None),
        ("2 дня", None),
        ("10.11", None),
        ("12.03", None),
        ("31.02 в 10", None),
        ("в следующую пятницу в 10", None),
        ("25 ноября 2027 в 15:00", None),
        ("вчера в 9", None),
        ("через пару часов", None),
        ("у меня 3 детей", None),
        ("мне 25 лет", None),
        ("выпить 2 таблетки в 9", None),
        ("в 10-11", None),
        ("12-03", None),
        ("завтра 9-5", None),
        ("через 2-3 дня", None),
        ("завтра около 9", None),
        ("каждый день в 9", None),
        ("завтра в 9 и в 18", None),
        ("2 часа назад", None),
        ("пол девятого", "2026-11-26 08:30"),  # a bare hour 7-11 is in the morning
        ("в 12 ночи", "2026-11-26 00:00"),  # midnight after today
        ("9 г", None),
        ("на 3 дня", None),
        ("на 15 минут", None),
        ("завтра в 0:30", None),
    ],
    "en": [
        ("tomorrow at 9", TOMORROW_9),
        ("Tomorrow at 9am", TOMORROW_9),
        ("tomorrow 9 a.m.", TOMORROW_9),
        ("9am tomorrow", TOMORROW_9),
        ("tomorrow morning", TOMORROW_9),
        ("tomorrow at 7 pm", "2026-11-26 19:00"),
        ("at 10 in the morning", "2026-11-26 10:00"),
        ("at 7 in the evening", "2026-11-25 19:00"),
        ("today at 6:30pm", "2026-11-25 18:30"),
        ("tonight at 9", "2026-11-25 21:00"),
        ("this evening", "2026-11-25 19:00"),
        ("the day after tomorrow at 8", "2026-11-27 08:00"),
        ("on friday at 10:30", "2026-11-27 10:30"),
        ("Fri 10am", FRIDAY_10),
        ("this friday at 10", FRIDAY_10),
        ("on wednesday at 3 pm", "2026-11-25 15:00"),
        ("on wednesday at 10", "2026-12-02 10:00"),
        ("12 March at 15:00", MARCH_12_15),
        ("March 12 at 3pm", MARCH_12_15),
        ("March 12th at 3 in the afternoon", MARCH_12_15),
        ("the 12th of March 2027 at 15:00", MARCH_12_15),
        ("12.03 at 15:00", MARCH_12_15),
        ("25/12 at 10", "2026-12-25 10:00"),
        ("2027-03-12 at 15:00", MARCH_12_15),
        ("in 2 hours", IN_2_HOURS),
        ("in two hours", IN_2_HOURS),
        ("2 hours from now", IN_2_HOURS),
        ("in an hour", "2026-11-25 15:00"),
        ("in half an hour", IN_30_MINUTES),
        ("in 30 min", IN_30_MINUTES),
        ("in 45 minutes", "2026-11-25 14:45"),
        ("in 3 days", IN_3_DAYS),
        ("in a week", IN_A_WEEK),
        ("in two days at 9 am", "2026-11-27 09:00"),
        ("at noon", "2026-11-26 12:00"),
        ("half past 9", "2026-11-26 09:30"),
        ("at 9 o'clock", TOMORROW_9),
        ("at 17:00", "2026-11-25 17:00"),
        ("9:30", "2026-11-26 09:30"),
        ("please remind me tomorrow at 8", "2026-11-26 08:00"),
        ("tomorrow at nine thirty", "2026-11-26 09:30"),
        ("at half past seven in the evening", "2026-11-25 19:30"),
        ("in 1.5 hours", "2026-11-25 15:30"),
        ("in 2 hours and 15 minutes", "2026-11-25 16:15"),
        ("December 1st at 10am", "2026-12-01 10:00"),
        ("friday at noon", "2026-11-27 12:00"),
        ("this afternoon at 4", "2026-11-25 16:00"),
        ("at 9 sharp", TOMORROW_9),
        ("9h30", "2026-11-26 09:30"),
        ("in 2h", IN_2_HOURS),
        ("12th of March at 9", "2027-03-12 09:00"),
        ("tomorrow", None),
        ("on friday", None),
        ("at 3", None),
        ("12 am", None),
        ("12/03 at 10", None),
        ("today at 9", None),
        ("tomorrow night", None),
        ("next friday at 10", None),
        ("every day at 9", None),
        ("yesterday at 9", None),
        ("in 2 years", None),
        ("I have 3 children", None),
        ("hello", None),
        ("on the 12th at 9", "2026-12-12 09:00"),
        ("3/4 at 10", None),
        ("at 9 for 2 hours", None),
        ("on the 15th", None),
        ("15th", None),
        ("the 5th at 9", "2026-12-05 09:00"),
    ],
    "uk": [
        ("завтра о 9", TOMORROW_9),
        ("завтра о 9 ранку", TOMORROW_9),
        ("завтра вранці", TOMORROW_9),
        ("завтра о 19:00", "2026-11-26 19:00"),
        ("сьогодні ввечері", "2026-11-25 19:00"),
        ("сьогодні о 18:30", "2026-11-25 18:30"),
        ("післязавтра о 8", "2026-11-27 08:00"),
        ("у п'ятницю о 10:30", "2026-11-27 10:30"),
        ("у пʼятницю о 10", FRIDAY_10),
        ("в понеділок о 9", "2026-11-30 09:00"),
        ("у середу о 15:00", "2026-11-25 15:00"),
        ("у неділю о 12", "2026-11-29 12:00"),
        ("через 2 години", IN_2_HOURS),
        ("через дві години", IN_2_HOURS),
        ("за годину", "2026-11-25 15:00"),
        ("через півгодини", IN_30_MINUTES),
        ("за 10 хвилин", "2026-11-25 14:10"),
        ("через 3 дні", IN_3_DAYS),
        ("через тиждень", IN_A_WEEK),
        ("12 березня о 15:00", MARCH_12_15),
        ("12.03 о 15:00", MARCH_12_15),
        ("12 березня о 3 дня", MARCH_12_15),
        ("о 7 вечора", "2026-11-25 19:00"),
        ("о 10 ранку", "2026-11-26 10:00"),
        ("о 9 год", TOMORROW_9),
        ("опівдні", "2026-11-26 12:00"),
        ("нагадай мені завтра о 8, будь ласка", "2026-11-26 08:00"),
        ("завтра о дев'ятій", TOMORROW_9),
        ("завтра по обіді о 3", "2026-11-26 15:00"),
        ("завтра о 9 годині", TOMORROW_9),
        ("через 15 хв", "2026-11-25 14:15"),
        ("за 2 год", IN_2_HOURS),
        ("20 грудня об 11 ранку", "2026-12-20 11:00"),
        ("завтра в 9 утра", TOMORROW_9),
        ("завтра", None),
        ("у п'ятницю", None),
        ("о 3", None),
        ("сьогодні о 9", None),
        ("наступної п'ятниці о 10", None),
        ("у мене 3 дітей", None),
    ],
    "uz": [
        ("ertaga soat 9 da", TOMORROW_9),
        ("Ertaga soat 9:00 da", TOMORROW_9),
        ("ertaga 9da", TOMORROW_9),
        ("ertaga ertalab soat 8", "2026-11-26 08:00"),
        ("ertaga ertalab", TOMORROW_9),
        ("bugun kechqurun soat 7 da", "2026-11-25 19:00"),
        ("bugun soat 18:30 da", "2026-11-25 18:30"),
        ("indinga soat 10 da", "2026-11-27 10:00"),
        ("juma kuni soat 10:30 da", "2026-11-27 10:30"),
        ("jumada soat 10 da", FRIDAY_10),
        ("dushanba kuni soat 9", "2026-11-30 09:00"),
        ("2 soatdan keyin", IN_2_HOURS),
        ("ikki soatdan keyin", IN_2_HOURS),
        ("yarim soatdan keyin", IN_30_MINUTES),
        ("15 daqiqadan keyin", "2026-11-25 14:15"),
        ("3 kundan keyin", IN_3_DAYS),
        ("bir haftadan keyin", IN_A_WEEK),
        ("12-mart soat 15:00 da", MARCH_12_15),
        ("12 martda soat 15:00", MARCH_12_15),
        ("12.03 soat 15:00", MARCH_12_15),
        ("kechqurun soat 8 da", "2026-11-25 20:00"),
        ("soat 9 yarim", "2026-11-26 09:30"),
        ("o‘n bir da", "2026-11-26 11:00"),
        ("ertaga soat to'qqizda", TOMORROW_9),
        ("ertaga soat 9 yarimda", "2026-11-26 09:30"),
        ("dekabrning 20-si soat 11", "2026-12-20 11:00"),
        ("2 soat 30 daqiqadan keyin", "2026-11-25 16:30"),
        ("20-dekabr kuni soat 11 da", "2026-12-20 11:00"),
        ("30 daqiqadan so'ng", IN_30_MINUTES),
        ("ertaga tushdan keyin soat 3 da", "2026-11-26 15:00"),
        ("эртага соат 9 да", TOMORROW_9),
        ("2 соатдан кейин", IN_2_HOURS),
        ("жума куни соат 10 да", FRIDAY_10),
        ("бугун кечқурун соат 7 да", "2026-11-25 19:00"),
        ("zavtra soat 9 da", TOMORROW_9),
        ("завтра соат 9 да", TOMORROW_9),
        ("ertaga", None),
        ("juma kuni", None),
        ("soat 3 da", None),
        ("bugun soat 9 da", None),
        ("keyingi juma soat 10", None),
        ("mening 3 ta bolam bor", None),
        ("kuni 9", None),
        ("2 soat oldin", None),
    ],
    "tg": [
        ("фардо соати 9", TOMORROW_9),
        ("пагоҳ соати 9", TOMORROW_9),
        ("пагох соати 9", TOMORROW_9),
        ("фардо соати 10:30", "2026-11-26 10:30"),
        ("фардо саҳар соати 8", "2026-11-26 08:00"),
        ("фардо саҳар", TOMORROW_9),
        ("имрӯз бегоҳ соати 7", "2026-11-25 19:00"),
        ("имрӯз соати 18:00", "2026-11-25 18:00"),
        ("имшаб соати 9", "2026-11-25 21:00"),
        ("пасфардо соати 10", "2026-11-27 10:00"),
        ("ҷумъа соати 10", FRIDAY_10),
        ("чумъа соати 10", FRIDAY_10),
        ("рӯзи душанбе соати 9", "2026-11-30 09:00"),
        ("баъд аз 2 соат", IN_2_HOURS),
        ("баъд аз ду соат", IN_2_HOURS),
        ("пас аз ним соат", IN_30_MINUTES),
        ("баъд аз 15 дақиқа", "2026-11-25 14:15"),
        ("3 рӯз баъд", IN_3_DAYS),
        ("баъди як ҳафта", IN_A_WEEK),
        ("12 март соати 15:00", MARCH_12_15),
        ("12.03 соати 15:00", MARCH_12_15),
        ("соати 9 бегоҳ", "2026-11-25 21:00"),
        ("соати 10 саҳар", "2026-11-26 10:00"),
        ("фардо соати нӯҳ", TOMORROW_9),
        ("фардо соати 9 ним", "2026-11-26 09:30"),
        ("фардо бегоҳ", "2026-11-26 19:00"),
        ("20 декабр соати 11", "2026-12-20 11:00"),
        ("завтра соати 9", TOMORROW_9),
        ("фардо", None),
        ("ҷумъа", None),
        ("соати 3", None),
        ("имрӯз соати 9", None),
        ("ҷумъаи оянда соати 10", None),
        ("ман 3 фарзанд дорам", None),
    ],
    "tk": [
        ("ertir sagat 9-da", TOMORROW_9),
        ("ertir sagat 9 da", TOMORROW_9),
        ("ertir sagat 9:30-da", "2026-11-26 09:30"),
        ("ertir irden", TOMORROW_9),
        ("ertir irden sagat 8-de", "2026-11-26 08:00"),
        ("şu gün agşam sagat 7-de", "2026-11-25 19:00"),
        ("su gun agsam sagat 7", "2026-11-25 19:00"),
        ("bu gün sagat 18:00-da", "2026-11-25 18:00"),
        ("birigün sagat 10-da", "2026-11-27 10:00"),
        ("anna güni sagat 10-da", FRIDAY_10),
        ("duşenbe sagat 9-da", "2026-11-30 09:00"),
        ("2 sagatdan soň", IN_2_HOURS),
        ("iki sagatdan soň", IN_2_HOURS),
        ("ýarym sagatdan soň", IN_30_MINUTES),
        ("15 minutdan soň", "2026-11-25 14:15"),
        ("3 günden soň", IN_3_DAYS),
        ("bir hepdeden soň", IN_A_WEEK),
        ("12-nji mart sagat 15:00", MARCH_12_15),
        ("12.03 sagat 15:00-da", MARCH_12_15),
        ("öýlän sagat 3-de", "2026-11-25 15:00"),
        ("ertir sagat dokuzda", TOMORROW_9),
        ("ertir sagat 9 ýarymda", "2026-11-26 09:30"),
        ("20-nji dekabrda sagat 11-de", "2026-12-20 11:00"),
        ("birigün irden", "2026-11-27 09:00"),
        ("zavtra sagat 9-da", TOMORROW_9),
        ("ertir", None),
        ("anna güni", None),
        ("sagat 3-de", None),
        ("bu gün sagat 9-da", None),
        ("indiki anna sagat 10", None),
        ("meniň 3 çagam bar", None),
    ],
    "ky": [
        ("эртең саат 9да", TOMORROW_9),
        ("эртен саат 9да", TOMORROW_9),
        ("эртең саат 9:30да", "2026-11-26 09:30"),
        ("эртең эртең менен", TOMORROW_9),
        ("эртең эртең менен саат 8де", "2026-11-26 08:00"),
        ("эртең менен саат 8де", "2026-11-26 08:00"),
        ("бүгүн кечинде саат 7де", "2026-11-25 19:00"),
        ("бүгүн саат 18:00до", "2026-11-25 18:00"),
        ("бүрсүгүнү саат 10до", "2026-11-27 10:00"),
        ("жума күнү саат 10до", FRIDAY_10),
        ("дүйшөмбү күнү саат 9да", "2026-11-30 09:00"),
        ("2 сааттан кийин", IN_2_HOURS),
        ("эки сааттан кийин", IN_2_HOURS),
        ("жарым сааттан кийин", IN_30_MINUTES),
        ("15 мүнөттөн кийин", "2026-11-25 14:15"),
        ("3 күндөн кийин", IN_3_DAYS),
        ("бир жумадан кийин", IN_A_WEEK),
        ("бир аптадан кийин", IN_A_WEEK),
        ("12-март саат 15:00", MARCH_12_15),
        ("12.03 саат 15:00до", MARCH_12_15),
        ("кечки саат 8де", "2026-11-25 20:00"),
        ("эртең саат тогузда", TOMORROW_9),
        ("эртең саат 9 жарымда", "2026-11-26 09:30"),
        ("1-декабрда саат 10до", "2026-12-01 10:00"),
        ("эртең түштөн кийин саат 3тө", "2026-11-26 15:00"),
        ("завтра саат 9да", TOMORROW_9),
        ("эртең", None),
        ("жума күнү", None),
        ("саат 3тө", None),
        ("бүгүн саат 9да", None),
        ("кийинки жума саат 10", None),
        ("менин 3 балам бар", None),
    ],
    "az": [
        ("sabah saat 9-da", TOMORROW_9),
        ("sabah saat 9 da", TOMORROW_9),
        ("sabah saat 9:30-da", "2026-11-26 09:30"),
        ("sabah səhər saat 8-də", "2026-11-26 08:00"),
        ("sabah səhər", TOMORROW_9),
        ("bu gün axşam saat 7-də", "2026-11-25 19:00"),
        ("bu gün saat 18:00-da", "2026-11-25 18:00"),
        ("birigün saat 10-da", "2026-11-27 10:00"),
        ("cümə günü saat 10-da", FRIDAY_10),
        ("cume gunu saat 10", FRIDAY_10),
        ("cümə axşamı saat 10-da", "2026-11-26 10:00"),
        ("bazar ertəsi saat 9-da", "2026-11-30 09:00"),
        ("2 saatdan sonra", IN_2_HOURS),
        ("2 saat sonra", IN_2_HOURS),
        ("iki saat sonra", IN_2_HOURS),
        ("yarım saatdan sonra", IN_30_MINUTES),
        ("15 dəqiqə sonra", "2026-11-25 14:15"),
        ("3 gündən sonra", IN_3_DAYS),
        ("bir həftə sonra", IN_A_WEEK),
        ("12 mart saat 15:00-da", MARCH_12_15),
        ("martın 12-si saat 15:00", MARCH_12_15),
        ("12.03 saat 15:00", MARCH_12_15),
        ("axşam saat 8-də", "2026-11-25 20:00"),
        ("sabah saat doqquzda", TOMORROW_9),
        ("sabah saat 9 yarımda", "2026-11-26 09:30"),
        ("1 saat 30 dəqiqə sonra", "2026-11-25 15:30"),
        ("dekabrın 20-si saat 11-də", "2026-12-20 11:00"),
        ("sabah günortadan sonra saat 3-də", "2026-11-26 15:00"),
        ("zavtra saat 9-da", TOMORROW_9),
        ("sabah", None),
        ("cümə günü", None),
        ("saat 3-də", None),
        ("bu gün saat 9-da", None),
        ("gələn cümə saat 10", None),
        ("mənim 3 uşağım var", None),
    ],
    "zh": [
        ("明天上午9点", TOMORROW_9),
        ("明天9点", TOMORROW_9),
        ("明天上午九点", TOMORROW_9),
        ("明天早上8点半", "2026-11-26 08:30"),
        ("明天上午9点30分", "2026-11-26 09:30"),
        ("明天９：３０", "2026-11-26 09:30"),
        ("明天下午3点", "2026-11-26 15:00"),
        ("明早", TOMORROW_9),
        ("明天凌晨3点", "2026-11-26 03:00"),
        ("今天晚上8点", "2026-11-25 20:00"),
        ("今晚7点", "2026-11-25 19:00"),
        ("今天18:30", "2026-11-25 18:30"),
        ("后天上午10点", "2026-11-27 10:00"),
        ("星期五上午10点", FRIDAY_10),
        ("这周五上午10点", FRIDAY_10),
        ("周一早上9点", "2026-11-30 09:00"),
        ("礼拜天下午2点", "2026-11-29 14:00"),
        ("两个小时后", IN_2_HOURS),
        ("2小时后", IN_2_HOURS),
        ("半小时后", IN_30_MINUTES),
        ("30分钟后", IN_30_MINUTES),
        ("一个半小时后", "2026-11-25 15:30"),
        ("三天后", IN_3_DAYS),
        ("一周后", IN_A_WEEK),
        ("3月12日下午3点", MARCH_12_15),
        ("2027年3月12日下午3点", MARCH_12_15),
        ("十二月一号上午十点", "2026-12-01 10:00"),
        ("3.12 15:00", MARCH_12_15),
        ("下午三点", "2026-11-25 15:00"),
        ("十点", "2026-11-26 10:00"),
        ("晚上十点半", "2026-11-25 22:30"),
        ("中午12点", "2026-11-26 12:00"),
        ("明天下午两点半", "2026-11-26 14:30"),
        ("提醒我明天早上8点", "2026-11-26 08:00"),
        ("两天后上午9点", "2026-11-27 09:00"),
        ("12月20号上午11点", "2026-12-20 11:00"),
        ("十分钟后", "2026-11-25 14:10"),
        ("两个半小时后", "2026-11-25 16:30"),
        ("一个星期后", IN_A_WEEK),
        ("明天", None),
        ("星期五", None),
        ("3点", None),
        ("今天上午9点", None),
        ("下周五上午10点", "2026-12-04 10:00"),  # Friday of next week
        ("我有3个孩子", None),
        ("9个", None),
        ("两小时前", None),
        ("9点前", None),
    ],
    "ar": [
        ("غدا الساعة 9", TOMORROW_9),
        ("غداً الساعة ٩ صباحاً", TOMORROW_9),
        ("غدا صباحا", TOMORROW_9),
        ("بكرة الساعة 9", TOMORROW_9),
        ("غدا الساعة التاسعة", TOMORROW_9),
        ("غدا الساعة 7 مساء", "2026-11-26 19:00"),
        ("اليوم الساعة 6 مساءً", "2026-11-25 18:00"),
        ("الليلة الساعة 9", "2026-11-25 21:00"),
        ("بعد غد الساعة 8", "2026-11-27 08:00"),
        ("يوم الجمعة الساعة 10:30", "2026-11-27 10:30"),
        ("الجمعة الساعة ١٠", FRIDAY_10),
        ("الاثنين الساعة 9", "2026-11-30 09:00"),
        ("بعد ساعتين", IN_2_HOURS),
        ("بعد ٢ ساعات", IN_2_HOURS),
        ("بعد ساعة", "2026-11-25 15:00"),
        ("بعد نصف ساعة", IN_30_MINUTES),
        ("بعد ربع ساعة", "2026-11-25 14:15"),
        ("بعد 10 دقائق", "2026-11-25 14:10"),
        ("بعد ٣ أيام", IN_3_DAYS),
        ("بعد أسبوع", IN_A_WEEK),
        ("بعد يومين الساعة 9", "2026-11-27 09:00"),
        ("12 مارس الساعة 15:00", MARCH_12_15),
        ("١٢ آذار الساعة ٣ عصرا", MARCH_12_15),
        ("١٢/٠٣ الساعة ١٥:٠٠", MARCH_12_15),
        ("الساعة التاسعة صباحا", TOMORROW_9),
        ("الساعة 9 والنصف", "2026-11-26 09:30"),
        ("الساعة 3 عصرا", "2026-11-25 15:00"),
        ("بعد ساعة واحدة", "2026-11-25 15:00"),
        ("غدًا في تمام الساعة 9", TOMORROW_9),
        ("غدا الساعة 5 عصرا", "2026-11-26 17:00"),
        ("غدا بعد الظهر الساعة 3", "2026-11-26 15:00"),
        ("بعد غد الساعة 2:30 مساء", "2026-11-27 14:30"),
        ("في الساعة 9 صباحا غدا", TOMORROW_9),
        ("غدا", None),
        ("يوم الجمعة", None),
        ("الساعة 3", None),
        ("اليوم الساعة 9", None),
        ("الجمعة القادمة الساعة 10", None),
        ("عندي 3 أطفال", None),
        ("يوم 9", None),
        ("قبل ساعتين", None),
    ],
    "fa": [
        ("فردا ساعت ۹ صبح", TOMORROW_9),
        ("فردا ساعت ۹", TOMORROW_9),
        ("فردا ساعت 9", TOMORROW_9),
        ("فردا صبح", TOMORROW_9),
        ("فردا ساعت نه صبح", TOMORROW_9),
        ("فردا ساعت ۹:۳۰", "2026-11-26 09:30"),
        ("فردا ساعت ۷ شب", "2026-11-26 19:00"),
        ("امروز ساعت ۶ عصر", "2026-11-25 18:00"),
        ("امشب ساعت ۹", "2026-11-25 21:00"),
        ("پس فردا ساعت ۱۰", "2026-11-27 10:00"),
        ("پس‌فردا ساعت ۸ صبح", "2026-11-27 08:00"),
        ("جمعه ساعت ۱۰", FRIDAY_10),
        ("سه شنبه ساعت ۹", "2026-12-01 09:00"),
        ("سه‌شنبه ساعت ۹", "2026-12-01 09:00"),
        ("دوشنبه ساعت ۱۸", "2026-11-30 18:00"),
        ("۲ ساعت دیگه", IN_2_HOURS),
        ("دو ساعت دیگر", IN_2_HOURS),
        ("بعد از ۲ ساعت", IN_2_HOURS),
        ("نیم ساعت دیگه", IN_30_MINUTES),
        ("یک ساعت و نیم دیگه", "2026-11-25 15:30"),
        ("۱۰ دقیقه دیگه", "2026-11-25 14:10"),
        ("۳ روز دیگه", IN_3_DAYS),
        ("یک هفته دیگه", IN_A_WEEK),
        ("۱۲ مارس ساعت ۱۵:۰۰", MARCH_12_15),
        ("۱۲.۰۳ ساعت ۱۵", MARCH_12_15),
        ("ساعت ۹ و نیم صبح", "2026-11-26 09:30"),
        ("صباح ساعت ۹", TOMORROW_9),
        ("فردا ساعت ۷ عصر", "2026-11-26 19:00"),
        ("فردا ساعت ۹ صبح یادم بنداز", TOMORROW_9),
        ("یک ساعت و ۳۰ دقیقه دیگه", "2026-11-25 15:30"),
        ("فردا ساعت ۳ بعدازظهر", "2026-11-26 15:00"),
        ("ساعت ۱۲ ظهر", "2026-11-26 12:00"),
        ("فردا", None),
        ("جمعه", None),
        ("ساعت ۳", None),
        ("امروز ساعت ۹", None),
        ("جمعه آینده ساعت ۱۰", None),
        ("۱۲ اسفند ساعت ۱۰", None),
        ("من ۳ تا بچه دارم", None),
        ("روز ۹", None),
        ("۹ روز", None),
        ("۴ آذر ساعت ۱۰", None),
        ("۱۴۰۵/۰۹/۰۴ ساعت ۱۰", None),
    ],
    "ku": [
        ("sibê saet 9", TOMORROW_9),
        ("sibe saet 9", TOMORROW_9),
        ("sibê saet 9:30", "2026-11-26 09:30"),
        ("sibê sibehê saet 8", "2026-11-26 08:00"),
        ("sibê sibehê", TOMORROW_9),
        ("îro êvarê saet 7", "2026-11-25 19:00"),
        ("îro saet 18:00", "2026-11-25 18:00"),
        ("îşev saet 9", "2026-11-25 21:00"),
        ("dusibê saet 10", "2026-11-27 10:00"),
        ("roja înê saet 10", FRIDAY_10),
        ("duşemê saet 9", "2026-11-30 09:00"),
        ("piştî 2 saetan", IN_2_HOURS),
        ("piştî du saetan", IN_2_HOURS),
        ("di 2 saetan de", IN_2_HOURS),
        ("2 saet şûnde", IN_2_HOURS),
        ("piştî nîv saetê", IN_30_MINUTES),
        ("piştî 15 deqeyan", "2026-11-25 14:15"),
        ("piştî 3 rojan", IN_3_DAYS),
        ("piştî hefteyekê", IN_A_WEEK),
        ("12 adar saet 15:00", MARCH_12_15),
        ("12.03 saet 15:00", MARCH_12_15),
        ("piştî nîvro saet 3", "2026-11-25 15:00"),
        ("saet 9 û nîv", "2026-11-26 09:30"),
        ("sibê saet 8ê sibehê", "2026-11-26 08:00"),
        ("sibê saet neh", TOMORROW_9),
        ("piştî saetekê", "2026-11-25 15:00"),
        ("1 kanûna pêşîn saet 10", "2026-12-01 10:00"),
        ("sibê di saet 9an de", TOMORROW_9),
        ("zavtra saet 9", TOMORROW_9),
        ("sibê", None),
        ("roja înê", None),
        ("saet 3", None),
        ("îro saet 9", None),
        ("3 zarokên min hene", None),
    ],
}


def moment(text: str | None) -> datetime | None:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=MINSK) if text else None


CASES = [(lang, text, expected) for lang, pairs in PHRASES.items() for text, expected in pairs]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES]
)
def test_phrase(lang: str, text: str, expected: str | None) -> None:
    assert parse_when(text, lang, NOW) == moment(expected)


# Reminder requests: the time among other words. Words the vocabulary does not know are ignored
# before and after the time phrase; inside it, or when no time marker is left, it stays None.
AMONG_WORDS: dict[str, list[tuple[str, str | None]]] = {
    "ru": [
        ("напомни завтра в 10 про рентген", "2026-11-26 10:00"),
        ("напомни завтра в 9 выпить таблетку", TOMORROW_9),
        ("напомните, пожалуйста, в пятницу в 10:30 позвонить маме", "2026-11-27 10:30"),
        ("через 2 часа проверить духовку", IN_2_HOURS),
        ("анализы послезавтра в 8 утра натощак", "2026-11-27 08:00"),
        ("зайти в аптеку сегодня в 18:30", "2026-11-25 18:30"),
        ("в субботу утром забрать посылку", "2026-11-28 09:00"),
        ("напомни завтра в 9 зайти в аптеку", TOMORROW_9),
        ("у меня 3 ребенка", None),
        ("мне 25 лет", None),
        ("комната 9", None),
        ("у меня 9 часов работы", None),
        ("выпить 2 таблетки завтра в 9 и в 21", None),
        ("вчера в 9 был у врача", None),
        ("каждый вторник в 9 йога", None),
        ("на выходных в 10 уборка", None),
        ("позвонить до 9 вечера", None),
    ],
    "en": [
        ("remind me on friday at 9 about my x-ray", "2026-11-27 09:00"),
        ("remind me tomorrow at 8:30 to take a pill", "2026-11-26 08:30"),
        ("please remind me in 2 hours to check the oven", IN_2_HOURS),
        ("dentist on december 1st at 10am", "2026-12-01 10:00"),
        ("pick up the kids today at 4 pm", "2026-11-25 16:00"),
        ("remind me at 9 at home to water the plants", TOMORROW_9),
        ("I have 7 children", None),
        ("room 9", None),
        ("at 9 or at 10 call bob", None),
        ("on my birthday at 9", None),
        ("quarter to 9 tomorrow", "2026-11-26 08:45"),
        ("remind me after the meeting at 9", None),
    ],
    "uk": [
        ("нагадай завтра о 10 про рентген", "2026-11-26 10:00"),
        ("нагадай мені в п'ятницю о 10 подзвонити мамі", FRIDAY_10),
        ("через 2 години перевірити духовку", IN_2_HOURS),
        ("завтра о 9 до лікаря", TOMORROW_9),
        ("сьогодні ввечері прийняти ліки", "2026-11-25 19:00"),
        ("у мене 3 дітей", None),
        ("кімната 9", None),
        ("вчора о 9 був у лікаря", None),
        ("з 9 до 10 прийом", None),
    ],
    "uz": [
        ("ertaga soat 9 da shifokorga borishim kerak", TOMORROW_9),
        (
            "iltimos, ertaga soat 10 da onamga qo'ng'iroq qilishni eslatib qo'y",
            "2026-11-26 10:00",
        ),
        ("juma kuni soat 10 da yig'ilish bor", FRIDAY_10),
        ("2 soatdan keyin dori ichishni eslat", IN_2_HOURS),
        ("bugun kechqurun soat 7 da sport zalga boraman", "2026-11-25 19:00"),
        ("mening 3 ta bolam bor", None),
        ("uyim 9 qavatli", None),
        ("har kuni soat 9 da dori", None),
    ],
    "tg": [
        ("фардо соати 9 ба духтур рафтан лозим", TOMORROW_9),
        ("ёдрас кун фардо соати 10 ба модарам занг занам", "2026-11-26 10:00"),
        ("баъд аз 2 соат дору нӯшидан", IN_2_HOURS),
        ("ҷумъа соати 10 маҷлис дорам", FRIDAY_10),
        ("имрӯз бегоҳ соати 7 ба варзиш", "2026-11-25 19:00"),
        ("ман 3 фарзанд дорам", None),
        ("хонаи 9", None),
        ("дирӯз соати 9 ба духтур рафтам", None),
    ],
    "tk": [
        ("ertir sagat 9-da lukmana gitmeli", TOMORROW_9),
        ("ýatlat ertir sagat 10-da ejeme jaň etmeli", "2026-11-26 10:00"),
        ("2 sagatdan soň derman içmeli", IN_2_HOURS),
        ("anna güni sagat 10-da ýygnak bar", FRIDAY_10),
        ("şu gün agşam sagat 7-de sport", "2026-11-25 19:00"),
        ("meniň 3 çagam bar", None),
        ("otag 9", None),
        ("her gün sagat 9-da derman", None),
    ],
    "ky": [
        ("эртең саат 9да дарыгерге баруу керек", TOMORROW_9),
        ("эскерт эртең саат 10до апама чалуу", "2026-11-26 10:00"),
        ("2 сааттан кийин дары ичүү", IN_2_HOURS),
        ("жума күнү саат 10до жыйналыш бар", FRIDAY_10),
        ("бүгүн кечинде саат 7де спорт", "2026-11-25 19:00"),
        ("менин 3 балам бар", None),
        ("бөлмө 9", None),
        ("кечээ саат 9да дарыгерге бардым", None),
    ],
    "az": [
        ("sabah saat 9-da həkimə getməliyəm", TOMORROW_9),
        ("xatırlat sabah saat 10-da anama zəng etmək", "2026-11-26 10:00"),
        ("2 saatdan sonra dərman içmək", IN_2_HOURS),
        ("cümə günü saat 10-da iclas var", FRIDAY_10),
        ("bu gün axşam saat 7-də idman", "2026-11-25 19:00"),
        ("mənim 3 uşağım var", None),
        ("otaq 9", None),
        ("hər gün saat 9-da dərman", None),
    ],
    "zh": [
        ("明天上午9点提醒我去医院", TOMORROW_9),
        ("提醒我明天下午3点开会", "2026-11-26 15:00"),
        ("两小时后提醒我吃药", IN_2_HOURS),
        ("星期五上午10点去看医生", FRIDAY_10),
        ("今天晚上8点给妈妈打电话", "2026-11-25 20:00"),
        ("我有3个孩子", None),
        ("房间9", None),
        ("每天早上9点吃药", None),
        ("昨晚8点吃药了", None),
        ("明天9点一刻开会", "2026-11-26 09:15"),
    ],
    "ar": [
        ("غدا الساعة 9 عندي موعد", TOMORROW_9),
        ("ذكرني غدا الساعة 10 بالاتصال بأمي", "2026-11-26 10:00"),
        ("بعد ساعتين تناول الدواء", IN_2_HOURS),
        ("يوم الجمعة الساعة 10 عندي اجتماع", FRIDAY_10),
        ("اليوم الساعة 7 مساء رياضة", "2026-11-25 19:00"),
        ("عندي 3 أطفال", None),
        ("الغرفة 9", None),
        ("كل يوم الساعة 9 الدواء", None),
        ("الساعة 9 وربع اجتماع", "2026-11-26 09:15"),
    ],
    "fa": [
        ("فردا ساعت ۹ صبح دکتر دارم", TOMORROW_9),
        ("یادم بنداز فردا ساعت ۱۰ به مادرم زنگ بزنم", "2026-11-26 10:00"),
        ("۲ ساعت دیگه دارو بخورم", IN_2_HOURS),
        ("جمعه ساعت ۱۰ جلسه دارم", FRIDAY_10),
        ("امروز ساعت ۷ عصر ورزش", "2026-11-25 19:00"),
        ("فردا ساعت ۹ یه دکتر دارم", TOMORROW_9),
        ("من ۳ تا بچه دارم", None),
        ("اتاق ۹", None),
        ("هر روز ساعت ۹ دارو", None),
        ("تا ساعت ۹ کار دارم", None),
        ("اسفند ساعت ۱۰ مهمانی", None),
    ],
    "ku": [
        ("sibê saet 9 randevûya min heye", TOMORROW_9),
        ("bîne bîra min sibê saet 10 ji diya xwe re telefon bikim", "2026-11-26 10:00"),
        ("piştî 2 saetan derman vexwe", IN_2_HOURS),
        ("roja înê saet 10 civîn heye", FRIDAY_10),
        ("îro êvarê saet 7 werziş", "2026-11-25 19:00"),
        ("3 zarokên min hene", None),
        ("ode 9", None),
        ("duh saet 9 min derman vexwar", None),
    ],
}

AMONG_CASES = [
    (lang, text, expected) for lang, pairs in AMONG_WORDS.items() for text, expected in pairs
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), AMONG_CASES, ids=[f"{c[0]}:{c[1]}" for c in AMONG_CASES]
)
def test_phrase_among_words(lang: str, text: str, expected: str | None) -> None:
    assert parse_when(text, lang, NOW) == moment(expected)


def test_every_language_has_phrases_among_words_with_both_outcomes() -> None:
    assert set(AMONG_WORDS) == set(lexicon.vocabulary()["languages"])
    for lang, pairs in AMONG_WORDS.items():
        assert sum(expected is not None for _, expected in pairs) >= 5, lang
        assert sum(expected is None for _, expected in pairs) >= 2, lang


def test_an_unknown_word_inside_the_phrase_still_makes_it_none() -> None:
    assert parse_when("завтра около 9", "ru", NOW) is None
    assert parse_when("завтра в районе 9 к врачу", "ru", NOW) is None
    assert parse_when("tomorrow at about 9", "en", NOW) is None
    assert parse_when("friday blah at 10", "en", NOW) is None
    assert parse_when("через пару часов позвонить", "ru", NOW) is None


def test_fillers_may_stand_inside_the_phrase() -> None:
    assert parse_when("завтра, пожалуйста, в 9", "ru", NOW) == moment(TOMORROW_9)
    assert parse_when("明天提醒我上午9点", "zh", NOW) == moment(TOMORROW_9)
    assert parse_when("sibê bîne bîra min saet 9", "ku", NOW) == moment(TOMORROW_9)
    assert parse_when("ertaga eslatib qo'y soat 9 da", "uz", NOW) == moment(TOMORROW_9)


def test_words_around_the_phrase_need_a_time_marker() -> None:
    assert parse_when("в 9 часов выпить таблетку", "ru", NOW) == moment(TOMORROW_9)
    assert parse_when("9 часов выпить таблетку", "ru", NOW) is None  # 9 o'clock or 9 hours?
    assert parse_when("встреча 9:30", "ru", NOW) == moment("2026-11-26 09:30")
    assert parse_when("встреча 9.30", "ru", NOW) == moment("2026-11-26 09:30")
    assert parse_when("встреча 12.03", "ru", NOW) is None  # 12 March or 12:03?
    assert parse_when("soat 9 da shifokor", "uz", NOW) == moment(TOMORROW_9)
    assert parse_when("9 soat ishlayman", "uz", NOW) is None
    assert parse_when("9点去医院", "zh", NOW) == moment(TOMORROW_9)
    assert parse_when("page 9", "en", NOW) is None
    # Without words around it, a bare hour is still a time, as before.
    assert parse_when("9", "ru", NOW) == moment(TOMORROW_9)


def test_stop_words_make_the_message_none_wherever_they_are() -> None:
    assert parse_when("at 9 UTC call bob", "en", NOW) is None
    assert parse_when("take pills every day at 9", "en", NOW) is None
    assert parse_when("remind me before the meeting at 9", "en", NOW) is None
    assert parse_when("в 9 по мск", "ru", NOW) is None
    assert parse_when("на новый год в 9", "ru", NOW) is None
    assert parse_when("в конце месяца в 9", "ru", NOW) is None
    assert parse_when("не позже 9 вечера", "ru", NOW) is None
    assert parse_when("۴ آذر ساعت ۱۰", "fa", NOW) is None


def test_guard_words_count_only_right_before_a_time() -> None:
    assert parse_when("напомни по работе завтра в 9", "ru", NOW) == moment(TOMORROW_9)
    assert parse_when("по вторникам в 9", "ru", NOW) is None
    assert parse_when("завтра о 9 до лікаря", "uk", NOW) == moment(TOMORROW_9)
    assert parse_when("до 9 вечора", "uk", NOW) is None
    assert parse_when("take the last pill at 9", "en", NOW) == moment(TOMORROW_9)
    assert parse_when("last friday at 9", "en", NOW) is None
    assert parse_when("by friday at 5 pm send the report", "en", NOW) is None
    assert parse_when("تا ساعت ۹", "fa", NOW) is None


def test_on_before_an_unknown_word_may_be_a_day_the_bot_does_not_know() -> None:
    assert parse_when("on my birthday at 9", "en", NOW) is None
    assert parse_when("on mother's day at 9", "en", NOW) is None
    assert parse_when("turn on the lights at 9", "en", NOW) is None
    assert parse_when("on friday at 9 about my x-ray", "en", NOW) == moment("2026-11-27 09:00")
    assert parse_when("on the 12th of March at 9 taxes", "en", NOW) == moment("2027-03-12 09:00")


def test_a_time_word_with_a_typo_next_to_the_phrase_makes_it_none() -> None:
    assert parse_when("fridy at 10 call bob", "en", NOW) is None
    assert parse_when("at 9 evning call bob", "en", NOW) is None
    assert parse_when("yesterdy at 9 I called", "en", NOW) is None
    assert parse_when("в пятнцу в 10 к врачу", "ru", NOW) is None
    assert parse_when("завтра в 9 вечра", "ru", NOW) is None
    assert parse_when("12 сентебря в 10 к врачу", "ru", NOW) is None
    # Words that merely look alike are not typos.
    assert parse_when("напомни про завтрак в 9", "ru", NOW) == moment(TOMORROW_9)
    assert parse_when("о 9 на ринку", "uk", NOW) == moment(TOMORROW_9)
    assert parse_when("remind me at 9 about the match", "en", NOW) == moment(TOMORROW_9)


def test_one_typo() -> None:
    assert phrase.one_typo("fridy", "friday")  # a letter missing
    assert phrase.one_typo("fridday", "friday")  # a letter too many
    assert phrase.one_typo("frdiay", "friday")  # two letters swapped
    assert phrase.one_typo("frxday", "friday")  # a letter wrong
    assert not phrase.one_typo("ринку", "ранку")  # a wrong letter in a short word
    assert not phrase.one_typo("vriday", "friday")  # the first letter is right
    assert not phrase.one_typo("frdy", "friday")  # two typos
    assert not phrase.one_typo("frxday", "friday", wrong_letter=False)


def test_two_bare_numbers_ending_the_phrase_are_unclear() -> None:
    assert parse_when("завтра в 9 10 таблеток", "ru", NOW) is None  # 9:10, or ten pills at 9?
    assert parse_when("tomorrow at 9 10 pills", "en", NOW) is None
    assert parse_when("завтра в 9 30", "ru", NOW) == moment("2026-11-26 09:30")


def test_in_around_the_phrase_is_not_ignored_like_at() -> None:
    assert parse_when("remind me at 9 at home", "en", NOW) == moment(TOMORROW_9)
    assert parse_when("put the cake in the oven tomorrow at 9", "en", NOW) is None
    assert parse_when("غدا الساعة 9 بعد الأكل", "ar", NOW) is None


def test_every_language_has_many_phrases_and_both_outcomes() -> None:
    assert set(PHRASES) == set(lexicon.vocabulary()["languages"])
    for lang, pairs in PHRASES.items():
        assert len(pairs) >= 25, lang
        assert sum(expected is None for _, expected in pairs) >= 5, lang


def test_the_answer_is_in_the_zone_of_now() -> None:
    found = parse_when("завтра в 9", "ru", NOW)
    assert found is not None and found.tzinfo is MINSK
    assert found.isoformat() == "2026-11-26T09:00:00+03:00"
    berlin = NOW.astimezone(ZoneInfo("Europe/Berlin"))
    assert parse_when("tomorrow at 9", "en", berlin) == datetime(
        2026, 11, 26, 9, tzinfo=ZoneInfo("Europe/Berlin")
    )


def test_a_time_alone_is_today_if_a_minute_ahead_else_tomorrow() -> None:
    now = NOW + timedelta(seconds=30)
    assert parse_when("14:02", "en", now) == moment("2026-11-25 14:02")
    assert parse_when("14:01", "en", now) == moment("2026-11-26 14:01")
    assert parse_when("14:00", "en", now) == moment("2026-11-26 14:00")


def test_bare_hours_one_to_six_are_ambiguous_unless_zero_padded_or_marked() -> None:
    for hour in range(1, 7):
        assert parse_when(f"tomorrow at {hour}", "en", NOW) is None
        assert parse_when(f"tomorrow at {hour}pm", "en", NOW) == moment(
            f"2026-11-26 {hour + 12}:00"
        )
    assert parse_when("завтра в 06:30", "ru", NOW) == moment("2026-11-26 06:30")
    assert parse_when("00:15", "ru", NOW) == moment("2026-11-26 00:15")
    assert parse_when("завтра в 7", "ru", NOW) == moment("2026-11-26 07:00")


def test_weekday_today_counts_only_while_the_time_is_ahead() -> None:
    friday = datetime(2026, 11, 27, 10, 0, tzinfo=MINSK)
    assert parse_when("в пятницу в 15:00", "ru", friday) == moment("2026-11-27 15:00")
    assert parse_when("в пятницу в 9", "ru", friday) == moment("2026-12-04 09:00")
    assert parse_when("в пятницу в 10:00", "ru", friday) == moment("2026-12-04 10:00")


def test_dates_without_a_year_roll_over_and_a_year_is_the_limit() -> None:
    assert parse_when("1 января в 10", "ru", NOW) == moment("2027-01-01 10:00")
    assert parse_when("25 ноября в 15:00", "ru", NOW) == moment("2026-11-25 15:00")
    assert parse_when("25 ноября в 10:00", "ru", NOW) is None
    assert parse_when("12.03.2026 в 10", "ru", NOW) is None
    assert parse_when("12.03.2028 в 10", "ru", NOW) is None
    assert parse_when("через 400 дней", "ru", NOW) is None
    assert parse_when("29.02 в 10", "ru", NOW) is None


def test_hours_and_minutes_from_now_count_real_time_across_a_clock_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    before = datetime(2026, 3, 29, 1, 30, tzinfo=berlin)  # clocks go 02:00 -> 03:00
    assert parse_when("in 1 hour", "en", before) == datetime(2026, 3, 29, 3, 30, tzinfo=berlin)
    assert parse_when("in 1 day", "en", before) == datetime(2026, 3, 30, 1, 30, tzinfo=berlin)


def test_now_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_when("tomorrow at 9", "en", NOW.replace(tzinfo=None))


def test_relative_times_drop_seconds() -> None:
    now = NOW + timedelta(seconds=42, microseconds=5)
    assert parse_when("через 10 минут", "ru", now) == moment("2026-11-25 14:10")


def test_eastern_arabic_and_persian_digits() -> None:
    assert parse_when("٩:٣٠", "ar", NOW) == moment("2026-11-26 09:30")
    assert parse_when("۹:۳۰", "fa", NOW) == moment("2026-11-26 09:30")
    assert parse_when("۱۲/۰۳ ساعت ۱۵", "fa", NOW) == moment(MARCH_12_15)
    assert parse_when("٢٠٢٧-٠٣-١٢ الساعة ١٥:٠٠", "ar", NOW) == moment(MARCH_12_15)


def test_russian_words_and_transliteration_mix_into_every_language() -> None:
    for lang in lexicon.vocabulary()["languages"]:
        assert parse_when("завтра в 9", lang, NOW) == moment(TOMORROW_9), lang
        assert parse_when("zavtra v 9", lang, NOW) == moment(TOMORROW_9), lang
        assert parse_when("через 2 часа", lang, NOW) == moment(IN_2_HOURS), lang


def test_nonsense_and_empty_input() -> None:
    nonsense = [
        "",
        "   ",
        "?!",
        "9999",
        "25:00",
        "42",
        "asdf 9",
        "9 9 9",
        "в в в",
        "через 0 минут",
    ]
    for text in [*nonsense, "x" * 500, "завтра " * 20, "часа " * 30]:
        assert parse_when(text, "ru", NOW) is None, text


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        parse_when("tomorrow at 9", "xx", NOW)


def test_vocabulary_loads_for_every_language() -> None:
    for lang in lexicon.vocabulary()["languages"]:
        tables = lexicon.language(lang).tables
        assert tables[0].phrases, lang


def test_vocabulary_mistakes_are_caught_when_loading() -> None:
    with pytest.raises(ValueError, match="another meaning"):
        lexicon.table("az", {"cümə": "weekday 4", "cume": "weekday 3"})
    with pytest.raises(ValueError, match="unknown meaning"):
        lexicon.table("en", {"fortnight": "weeks 2"})
    with pytest.raises(ValueError, match="unknown name"):
        lexicon.table("en", {"fortnight": "unit fortnight"})
    with pytest.raises(ValueError, match="unknown name"):
        lexicon.table("en", {"dusk": "period dusk"})
    with pytest.raises(ValueError, match="quote"):
        lexicon.table("en", {True: "skip"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="one-word stem"):
        lexicon.table("ru", {"после завтр*": "day 2"})


def test_vocabulary_marks_stop_guard_and_other_words() -> None:
    language = lexicon.language("ru")
    kinds = {
        word: lexicon.lex(tokens.fold(word), language)[0]
        for word in ("вчера", "по", "завтрак", "рентген", "пожалуйста", "завтра")
    }
    assert kinds["вчера"].is_stop and not kinds["вчера"].is_word
    assert kinds["по"].is_guard and kinds["по"].is_word
    assert kinds["завтрак"].is_word and not kinds["завтрак"].is_unknown
    assert kinds["рентген"].is_word and kinds["рентген"].is_unknown
    assert kinds["пожалуйста"].is_filler and not kinds["пожалуйста"].is_word
    assert not kinds["завтра"].is_word
    assert set(lexicon.vocabulary()["openers"]) <= set(lexicon.vocabulary()["languages"])


def test_run_cli_answers_one_json_object_per_line() -> None:
    lines = ["завтра в 9\n", "непонятно\n", "через 2 часа"]
    answers = [json.loads(line) for line in run_cli(lines, "ru", NOW)]
    assert answers == [
        {"text": "завтра в 9", "at": "2026-11-26T09:00:00+03:00"},
        {"text": "непонятно", "at": None},
        {"text": "через 2 часа", "at": "2026-11-25T16:00:00+03:00"},
    ]
    assert next(run_cli(["明天上午9点"], "zh", NOW)) == (
        '{"text": "明天上午9点", "at": "2026-11-26T09:00:00+03:00"}'
    )
    around = ["напомни завтра в 10 про рентген\n", "у меня 3 ребенка\n"]
    assert [json.loads(line)["at"] for line in run_cli(around, "ru", NOW)] == [
        "2026-11-26T10:00:00+03:00",
        None,
    ]
