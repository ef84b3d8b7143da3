"""The form of a lieu, driven in real QgsAttributeDialogs: defaults, hard and soft constraints, the multi-select
that reads and writes ``a|b``, links, opening hours, live messages of the engine, point ↔ latitude/longitude."""

from __future__ import annotations

import html
import re

import pytest
from qgis.core import NULL, QgsGeometry, QgsPointXY, QgsVectorLayerUtils
from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox

from plugin.core.schema import load_schema
from plugin.core.validation import check_record
from plugin.gui.field_editors import FieldEditor
from plugin.gui.multi_select_widget import MultiSelectWidget
from plugin.qgis.form_config import configure_form
from plugin.qgis.working_layer import records_from_layer

TODAY = QDate.currentDate().toString("yyyy-MM-dd")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
REQUIRED = {
    "pivot": "43493312300029",
    "nom": "Espace numérique d'Arles",
    "commune": "Arles",
    "code_postal": "13200",
    "adresse": "2 rue de la République",
}
POINT = QgsGeometry.fromPointXY(QgsPointXY(4.6278, 43.6768))


def _process(ms: int = 0) -> None:
    from pytest_qgis.utils import wait

    wait(ms)
    QApplication.processEvents()


def _feature(layer, lieu_id):
    return next(f for f in layer.getFeatures() if f["id"] == lieu_id)


def _edit_dialog(layer, feature):
    context = QgsAttributeEditorContext()
    dialog = QgsAttributeDialog(layer, feature, False, None, True, context)
    dialog.setMode(QgsAttributeEditorContext.Mode.SingleEditMode)
    dialog.show()
    _process()
    return dialog


def _editor(dialog, field_name, kind=None):
    widget = dialog.findChild(kind or (MultiSelectWidget, FieldEditor), field_name)
    assert widget is not None, field_name
    return widget


def test_new_lieu_gets_its_defaults(lieux_layer, qgis_bot):
    configure_form(lieux_layer, default_source="Hub du Sud")
    lieux_layer.startEditing()
    feature = qgis_bot.create_feature_with_attribute_dialog(lieux_layer, POINT, REQUIRED)
    assert UUID.match(feature["id"])
    assert feature["date_maj"] == TODAY
    assert feature["source"] == "Hub du Sud"
    assert (feature["longitude"], feature["latitude"]) == ("4.6278", "43.6768")
    assert feature["nom"] == "Espace numérique d'Arles"
    assert lieux_layer.commitChanges()
    assert lieux_layer.featureCount() == 2


def _ok_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_missing_required_field_warns_but_saves(lieux_layer, qgis_bot):
    lieux_layer.startEditing()
    without_name = {k: v for k, v in REQUIRED.items() if k != "nom"}
    with pytest.raises(ValueError, match="nom"):  # a warning…
        qgis_bot.create_feature_with_attribute_dialog(lieux_layer, POINT, without_name, raise_from_warnings=True)
    # …not a grey OK button: the incomplete lieu can be saved, the validation lists it
    feature = QgsVectorLayerUtils.createFeature(lieux_layer, POINT, {}, lieux_layer.createExpressionContext())
    for name, value in without_name.items():
        feature[name] = value
    dialog = QgsAttributeDialog(lieux_layer, feature, False, None, True)
    dialog.setMode(QgsAttributeEditorContext.Mode.AddFeatureMode)
    dialog.show()
    _process()
    assert _ok_button(dialog).isEnabled()
    dialog.close()
    saved = qgis_bot.create_feature_with_attribute_dialog(lieux_layer, POINT, without_name)
    assert lieux_layer.commitChanges()
    record = next(r for r in records_from_layer(lieux_layer) if r["id"] == saved["id"])
    assert "required" in {i.code for i in check_record(record) if i.field == "nom"}


def test_emptied_required_field_is_null_and_still_saves(lieux_layer):
    lieux_layer.startEditing()
    dialog = _edit_dialog(lieux_layer, _feature(lieux_layer, "structure-1"))
    assert _ok_button(dialog).isEnabled()
    name = _editor(dialog, "nom")
    name.set_user_text("")
    _process()
    assert _ok_button(dialog).isEnabled()
    dialog.accept()
    _process()
    assert _feature(lieux_layer, "structure-1")["nom"] == NULL


def test_a_one_field_edit_of_lieux_without_id_can_be_saved(lieux_layer):
    lieux_layer.startEditing()
    for feature in list(lieux_layer.getFeatures()):
        lieux_layer.changeAttributeValue(feature.id(), lieux_layer.fields().indexFromName("id"), None)
    copy = QgsVectorLayerUtils.createFeature(lieux_layer, POINT, {}, lieux_layer.createExpressionContext())
    lieux_layer.addFeature(copy)
    lieux_layer.changeAttributeValue(copy.id(), lieux_layer.fields().indexFromName("id"), None)
    assert lieux_layer.commitChanges() and lieux_layer.startEditing()
    without_id = [f for f in lieux_layer.getFeatures() if f["id"] == NULL]
    assert without_id  # (the first feature read may not be one of them)
    feature = without_id[0]
    dialog = _edit_dialog(lieux_layer, feature)
    _editor(dialog, "nom").set_user_text("Anonymal corrigé")
    _process()
    assert _ok_button(dialog).isEnabled()
    dialog.accept()
    _process()
    assert lieux_layer.commitChanges()
    assert "Anonymal corrigé" in [f["nom"] for f in lieux_layer.getFeatures()]


def test_soft_warnings_do_not_block_the_save(lieux_layer, qgis_bot):
    lieux_layer.startEditing()
    attributes = {**REQUIRED, "code_postal": "1320", "telephone": "04 90 00 00 00"}
    with pytest.raises(ValueError) as warning:
        qgis_bot.create_feature_with_attribute_dialog(lieux_layer, POINT, attributes, raise_from_warnings=True)
    from plugin.core.validation import codes

    assert codes.title("postal-code-format") in str(warning.value)  # the engine's message, one source
    assert codes.title("phone-format") in str(warning.value)
    feature = qgis_bot.create_feature_with_attribute_dialog(lieux_layer, POINT, attributes)
    assert feature["code_postal"] == "1320"
    assert lieux_layer.commitChanges()


def test_multi_select_reads_and_writes_pipes(lieux_layer):
    lieux_layer.startEditing()
    feature = _feature(lieux_layer, "structure-1")
    original = "Surdité|Illettrisme|Langues étrangères (anglais)"
    assert feature["prise_en_charge_specifique"] == original
    kept_outside = "Ateliers « parents, enfants » (l'été)"
    lieux_layer.changeAttributeValue(
        feature.id(), feature.fieldNameIndex("formations_labels"), f"Formé à « DUPLEX » (illettrisme)|{kept_outside}"
    )
    dialog = _edit_dialog(lieux_layer, lieux_layer.getFeature(feature.id()))
    care = _editor(dialog, "prise_en_charge_specifique")
    assert care.checked_values() == ["Surdité", "Illettrisme", "Langues étrangères (anglais)"]
    care.set_checked("Illettrisme", False)
    care.set_checked("Langues étrangères (autres)", True)
    labels = _editor(dialog, "formations_labels")
    assert kept_outside in labels.checked_values()
    labels.set_checked("Étapes numériques(La Poste)", True)
    access = _editor(dialog, "modalites_acces")
    access.set_checked("Ce lieu n'accueille pas de public", True)
    dialog.accept()
    _process()
    saved = lieux_layer.getFeature(feature.id())
    assert saved["prise_en_charge_specifique"] == "Surdité|Langues étrangères (anglais)|Langues étrangères (autres)"
    assert saved["formations_labels"] == f"Formé à « DUPLEX » (illettrisme)|{kept_outside}|Étapes numériques(La Poste)"
    assert saved["modalites_acces"] == "Se présenter|Téléphoner|Ce lieu n'accueille pas de public"
    assert saved["services"] == feature["services"]  # untouched: identical, same order
    assert saved["date_maj"] == TODAY  # editing a lieu updates its date
    assert lieux_layer.commitChanges()
    assert "{" not in saved["prise_en_charge_specifique"]


def test_unchecking_everything_gives_null(lieux_layer):
    lieux_layer.startEditing()
    feature = _feature(lieux_layer, "structure-1")
    dialog = _edit_dialog(lieux_layer, feature)
    _editor(dialog, "itinerance").clear()
    dialog.accept()
    _process()
    assert lieux_layer.getFeature(feature.id())["itinerance"] is None or str(
        lieux_layer.getFeature(feature.id())["itinerance"]
    ) == "NULL"


def test_typologie_is_searchable_with_labels(lieux_layer):
    from plugin.gui.editor_widgets import typologie_choices

    dialog = _edit_dialog(lieux_layer, _feature(lieux_layer, "structure-1"))
    typologie = _editor(dialog, "typologie")
    assert typologie.search is not None
    assert set(typologie.checked_values()) == {"TIERS_LIEUX", "ASSO"}
    code, label = typologie_choices()[0]
    assert code in label  # "Label (CODE)"
    typologie.search.setText("zzzz-introuvable")
    visible = [typologie.list.item(i) for i in range(typologie.list.count()) if not typologie.list.item(i).isHidden()]
    assert visible == []
    typologie.search.setText(code.lower())
    assert any(not typologie.list.item(i).isHidden() for i in range(typologie.list.count()))
    # accents and case do not matter: "media" finds « Médiathèque », "MÉDIA" too
    for needle in ("media", "MÉDIA", "mediatheque"):
        typologie.search.setText(needle)
        visible = [typologie.list.item(i).text() for i in range(typologie.list.count())
                   if not typologie.list.item(i).isHidden()]
        assert any("Médiathèque" in text for text in visible), (needle, visible)
    dialog.close()


def test_links_are_clickable_for_http_only(lieux_layer):
    dialog = _edit_dialog(lieux_layer, _feature(lieux_layer, "structure-1"))
    site = _editor(dialog, "site_web")
    assert site.info.openExternalLinks()
    assert '<a href="https://www.laquincaillerie.tl/">' in site.info.text()
    assert site.info.text().count("<a href=") == 2
    site.set_user_text("javascript:alert(1)|ftp://exemple.fr|https://ok.fr")
    assert site.info.text().count("<a href=") == 1 and "javascript" in site.info.text()
    rdv = _editor(dialog, "prise_rdv")
    assert '<a href="https://www.rdv-solidarites.fr/">' in rdv.info.text()
    dialog.close()


def test_opening_hours_in_words_and_invalid_flagged(lieux_layer):
    dialog = _edit_dialog(lieux_layer, _feature(lieux_layer, "structure-1"))
    hours = _editor(dialog, "horaires")
    text = hours.info.text()
    assert "✖" not in text and "14" in text
    hours.set_user_text("Lundi 9h-12h")
    assert "✖" in hours.info.text()
    dialog.close()


def _engine_messages(layer, **changes):
    record = {**records_from_layer(layer)[0], **changes}
    return [i.message for i in check_record(record, load_schema()) if i.field in changes]


def test_engine_messages_are_shown_live(lieux_layer):
    lieux_layer.startEditing()
    dialog = _edit_dialog(lieux_layer, _feature(lieux_layer, "structure-1"))
    postal = _editor(dialog, "code_postal")
    for value in ("13", "2A004", "51100"):
        postal.set_user_text(value)
        _process(400)
        expected = _engine_messages(lieux_layer, code_postal=value)
        assert postal.messages.isHidden() == (not expected), value
        assert all(html.escape(message) in postal.messages.text() for message in expected)
    assert _engine_messages(lieux_layer, code_postal="13")  # the form showed a real message above
    dialog.close()


def test_cross_field_messages_follow_the_other_fields(lieux_layer):
    """latitude's message depends on the commune: it follows a change of code_insee made in the form."""
    lieux_layer.startEditing()
    dialog = _edit_dialog(lieux_layer, _feature(lieux_layer, "structure-1"))
    latitude = _editor(dialog, "latitude")
    _process(400)
    before = _engine_messages(lieux_layer, latitude="43.52609")
    assert before and all(html.escape(m) in latitude.messages.text() for m in before)
    _editor(dialog, "code_insee").set_user_text("13001")  # Aix-en-Provence, where the point is
    _editor(dialog, "code_postal").set_user_text("13100")
    _editor(dialog, "commune").set_user_text("Aix-en-Provence")
    _process(400)
    record = {**records_from_layer(lieux_layer)[0], "code_insee": "13001", "code_postal": "13100",
              "commune": "Aix-en-Provence"}
    after = [i.message for i in check_record(record, load_schema()) if i.field == "latitude"]
    assert after != before
    assert latitude.messages.isHidden() == (not after)
    assert all(html.escape(m) in latitude.messages.text() for m in after)
    dialog.close()


def test_point_and_coordinates_stay_in_step(lieux_layer, qgis_bot):
    lieux_layer.startEditing()
    feature = _feature(lieux_layer, "structure-1")
    fid = feature.id()
    # moving the point (a map tool: inside an edit command) rewrites latitude/longitude in the same command
    lieux_layer.beginEditCommand("Move")
    lieux_layer.changeGeometry(fid, QgsGeometry.fromPointXY(QgsPointXY(5.1234567, 43.7654321)))
    lieux_layer.endEditCommand()
    moved = lieux_layer.getFeature(fid)
    assert (moved["longitude"], moved["latitude"]) == ("5.123457", "43.765432")
    # one undo reverts both, and the sync does not fight the undo
    lieux_layer.undoStack().undo()
    _process()
    reverted = lieux_layer.getFeature(fid)
    assert (reverted["longitude"], reverted["latitude"]) == ("5.41423", "43.52609")
    assert reverted.geometry().asPoint().y() == pytest.approx(43.52609)
    assert lieux_layer.undoStack().index() == 0
    # editing the fields in the form moves the point
    dialog = _edit_dialog(lieux_layer, reverted)
    _editor(dialog, "latitude").set_user_text("44.5")
    dialog.accept()
    _process()
    point = lieux_layer.getFeature(fid).geometry().asPoint()
    assert (round(point.x(), 5), point.y()) == (5.41423, 44.5)
    # a script's change without an edit command is synced once the event loop turns
    lieux_layer.changeAttributeValue(fid, feature.fieldNameIndex("latitude"), None)
    lieux_layer.changeAttributeValue(fid, feature.fieldNameIndex("longitude"), None)
    _process()
    assert lieux_layer.getFeature(fid).geometry().isNull()  # both emptied: no point; the lieu stays
    # a new lieu whose typed coordinates differ from the clicked point goes where the fields say
    typed = {**REQUIRED, "latitude": "43.3", "longitude": "5.4"}
    created = qgis_bot.create_feature_with_attribute_dialog(lieux_layer, POINT, typed)
    _process()
    created_point = lieux_layer.getFeature(created.id()).geometry().asPoint()
    assert (created_point.x(), created_point.y()) == (5.4, 43.3)
    assert lieux_layer.commitChanges()


def test_roll_back_of_synced_edits_is_clean(lieux_layer, qgis_bot):
    """Rolling back (or undoing) a new lieu must not make the sync touch a feature that no longer exists."""
    lieux_layer.startEditing()
    qgis_bot.create_feature_with_attribute_dialog(lieux_layer, POINT, {**REQUIRED, "latitude": "43.3"})
    lieux_layer.changeAttributeValue(next(iter(lieux_layer.editBuffer().addedFeatures())), 8, "43.4")
    assert lieux_layer.rollBack()
    _process()
    assert lieux_layer.featureCount() == 1 and not lieux_layer.isEditable()


def test_form_opens_with_every_field_in_its_tab(lieux_layer):
    feature = _feature(lieux_layer, "structure-1")
    dialog = _edit_dialog(lieux_layer, feature)
    names = {w.objectName() for w in dialog.findChildren((MultiSelectWidget, FieldEditor))}
    plugin_fields = {f for f in lieux_layer.fields().names() if f not in ("fid", "date_maj")}
    assert names == plugin_fields  # QGIS names each editor after its field
    assert QgsVectorLayerUtils is not None
    dialog.close()


def test_an_id_already_used_blocks_the_save(lieux_layer, qgis_bot):
    lieux_layer.startEditing()
    with pytest.raises(ValueError, match="id"):
        qgis_bot.create_feature_with_attribute_dialog(lieux_layer, POINT, {**REQUIRED, "id": "structure-1"})
    assert lieux_layer.featureCount() == 1


def test_weekly_grid_writes_the_osm_string(lieux_layer):
    from plugin.gui.opening_hours_dialog import OpeningHoursDialog

    dialog = OpeningHoursDialog("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00")
    assert dialog.opening_hours() == "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00"  # untouched: kept as given
    saturday_box, saturday_spans = dialog.rows[5]
    saturday_box.setChecked(False)
    wednesday_box, wednesday_spans = dialog.rows[2]
    wednesday_spans[1][0].setChecked(False)  # Wednesday afternoon closed
    written = dialog.opening_hours()
    assert written == "Mo,Tu,Th,Fr 09:00-12:00,14:00-18:30; We 09:00-12:00"
    from plugin.core.hours_text import describe_hours

    assert describe_hours(written).valid
    # a string the grid cannot show stays as it is until the grid is edited
    kept = OpeningHoursDialog('Mo 09:00-12:00 "sur rendez-vous"')
    assert kept.opening_hours() == 'Mo 09:00-12:00 "sur rendez-vous"'
    # the form's button opens it and writes its result
    form = _edit_dialog(lieux_layer, _feature(lieux_layer, "structure-1"))
    hours = _editor(form, "horaires")
    assert hours.grid_button is not None
    form.close()


def test_source_default_comes_from_the_plugin_settings(lieux_layer, qgis_bot):
    from plugin.toolbelt.settings import load_settings, set_setting

    before = load_settings().default_source
    set_setting("default_source", "Hub Grand Est")
    try:
        configure_form(lieux_layer)  # as opening the working layer does
        lieux_layer.startEditing()
        feature = qgis_bot.create_feature_with_attribute_dialog(lieux_layer, POINT, REQUIRED)
        assert feature["source"] == "Hub Grand Est"
    finally:
        set_setting("default_source", before)
        lieux_layer.rollBack()
