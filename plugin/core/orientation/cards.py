"""What the result list says about a lieu: name, distance, address, services, phone, hours in words, links.

Pure Python producing small HTML fragments (rendered by a Qt text browser in the dock): everything from
the record is escaped, only http(s) links become links, and the name links to ``lieu:<position>`` so
that the dock can zoom to the lieu and open its form.
"""

from __future__ import annotations

import html
from typing import Mapping
from urllib.parse import urlsplit

from ..hours_text import describe_hours
from ..i18n import decimal_point, translate
from ..records import split_list

LIEU_SCHEME = "lieu"
MORE_LINK = "more:results"


def safe_url(value: str) -> str | None:
    """The URL if it is an absolute http(s) URL, else None (no javascript:, file:, relative links)."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc:
        return value
    return None


def display_phone(value: str) -> str:
    """A phone number as people dial it in France ("04 91 23 45 67"), or as written when not parseable."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        import phonenumbers

        number = phonenumbers.parse(value, "FR")
        if phonenumbers.is_possible_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    except Exception:  # phonenumbers missing or unparseable: show as written
        pass
    return value


def format_distance(km: float | None) -> str:
    if km is None:
        return ""
    if km < 1:
        return translate("OrientationCard", "{metres} m").format(metres=int(round(km * 1000, -1)))
    text = (f"{km:.1f}" if km < 10 else f"{km:.0f}").replace(".", decimal_point())
    return translate("OrientationCard", "{km} km").format(km=text)


def address_line(record: Mapping[str, str]) -> str:
    street = " ".join(part for part in (record.get("adresse", ""), record.get("complement_adresse", "")) if part)
    town = " ".join(part for part in (record.get("code_postal", ""), record.get("commune", "")) if part)
    return ", ".join(part for part in (street.strip(), town.strip()) if part)


def lieu_card_html(record: Mapping[str, str], position: int, distance_km: float | None = None) -> str:
    """One entry of the result list."""
    e = html.escape
    name = record.get("nom", "") or translate("OrientationCard", "(no name)")
    title = f'<a href="{LIEU_SCHEME}:{position}"><b>{e(name)}</b></a>'
    distance = format_distance(distance_km)
    if distance:
        title += f' <span style="color:#555">— {e(distance)}</span>'
    lines = [title]
    address = address_line(record)
    if address:
        lines.append(e(address))
    services = split_list(record.get("services", ""))
    if services:
        lines.append(
            f'<span style="color:#555">{e(translate("OrientationCard", "Services:"))}</span> '
            + e(", ".join(s.strip() for s in services))
        )
    phone = display_phone(record.get("telephone", ""))
    if phone:
        lines.append(f'<span style="color:#555">{e(translate("OrientationCard", "Phone:"))}</span> {e(phone)}')
    hours = describe_hours(record.get("horaires", ""))
    style = "" if hours.valid else ' style="color:#8a6d00"'
    label = e(translate("OrientationCard", "Hours:"))
    lines.append(f'<span style="color:#555">{label}</span> <span{style}>{e(hours.text)}</span>')
    links = []
    booking = safe_url(record.get("prise_rdv", ""))
    if booking:
        links.append(f'<a href="{e(booking, quote=True)}">{e(translate("OrientationCard", "Book an appointment"))}</a>')
    for site in split_list(record.get("site_web", ""))[:2]:
        url = safe_url(site)
        if url:
            links.append(f'<a href="{e(url, quote=True)}">{e(translate("OrientationCard", "Website"))}</a>')
    if links:
        lines.append(" · ".join(links))
    return '<div style="margin-bottom:8px">' + "<br>".join(lines) + "</div>"


def results_html(
    records: list[Mapping[str, str]],
    positions: list[int],
    distances: list[float | None],
    total: int,
) -> str:
    """The result list: the cards of ``positions`` and a link to show more when ``total`` is larger."""
    if not positions:
        return "<p>" + html.escape(translate("OrientationCard", "No lieu matches these filters.")) + "</p>"
    cards = [lieu_card_html(records[p], p, d) for p, d in zip(positions, distances)]
    if total > len(positions):
        more = translate("OrientationCard", "Show more ({shown} of {total})").format(shown=len(positions), total=total)
        cards.append(f'<p><a href="{MORE_LINK}">{html.escape(more)}</a></p>')
    return "".join(cards)
