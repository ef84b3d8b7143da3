"""The orientation filter on a real GeoPackage layer: display only, kept with the project, user subset kept."""

from __future__ import annotations

from qgis.core import QgsFeatureRequest, QgsProject, QgsRuleBasedRenderer

from plugin.core.orientation import Around, Query
from plugin.qgis import orientation_layer as ol
from plugin.qgis import service_style


def ids_shown(layer) -> set[str]:
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(["id"], layer.fields())
    return {feature["id"] for feature in layer.getFeatures(request)}


GRATUIT_ATELIER = Query({"frais_a_charge": ("Gratuit",), "modalites_accompagnement": ("Dans un atelier collectif",)})


def test_the_filter_shows_exactly_the_matching_lieux_and_keeps_the_data(paca_layer, paca_records):
    index = ol.build_layer_index(paca_layer)
    assert index.size == len(paca_records) == 646
    result = index.engine.run(GRATUIT_ATELIER)
    assert 0 < result.count < 646
    assert ol.apply_result(paca_layer, index, result)
    expected = {index.records[i]["id"] for i in result.indices()}
    assert ids_shown(paca_layer) == expected
    assert paca_layer.featureCount() == result.count
    assert paca_layer.dataProvider().subsetString().startswith('"fid" IN (')
    # the stored query is the one applied
    assert ol.stored_query(paca_layer) == GRATUIT_ATELIER
    # Tout afficher
    assert ol.clear_filter(paca_layer)
    assert paca_layer.subsetString() == ""
    assert paca_layer.featureCount() == 646
    assert ol.stored_query(paca_layer) is None


def test_a_large_match_is_written_as_not_in(paca_layer):
    index = ol.build_layer_index(paca_layer)
    result = index.engine.run(Query({"frais_a_charge": ("Gratuit",)}))
    assert result.count > 323
    ol.apply_result(paca_layer, index, result)
    assert "NOT IN" in paca_layer.subsetString()
    assert paca_layer.featureCount() == result.count


def test_the_users_own_subset_is_kept_and_given_back(paca_layer):
    paca_layer.setSubsetString("\"code_postal\" LIKE '13%'")
    in_13 = paca_layer.featureCount()
    index = ol.build_layer_index(paca_layer)
    assert index.size == in_13
    result = index.engine.run(GRATUIT_ATELIER)
    ol.apply_result(paca_layer, index, result)
    assert paca_layer.featureCount() == result.count
    assert all(code.startswith("13") for code in (f["code_postal"] for f in paca_layer.getFeatures()))
    # re-indexing while the orientation filter is on still sees the whole département
    assert ol.build_layer_index(paca_layer).size == in_13
    ol.clear_filter(paca_layer)
    assert paca_layer.subsetString() == "\"code_postal\" LIKE '13%'"


def test_no_filter_change_while_editing(paca_layer):
    index = ol.build_layer_index(paca_layer)
    paca_layer.startEditing()
    try:
        assert not ol.apply_result(paca_layer, index, index.engine.run(GRATUIT_ATELIER))
        assert paca_layer.subsetString() == ""
        assert ol.stored_query(paca_layer) == GRATUIT_ATELIER  # remembered, applied after the edit session
    finally:
        paca_layer.rollBack()


def test_filter_presets_and_colours_survive_a_project_reload(paca_layer, tmp_path):
    index = ol.build_layer_index(paca_layer)
    near_marseille = Query({"services": ("Aide aux démarches administratives",)}, around=Around(43.2965, 5.3698, 10))
    result = index.engine.run(near_marseille)
    ol.apply_result(paca_layer, index, result)
    ol.save_presets({"Démarches à Marseille": near_marseille, "Gratuit en atelier": GRATUIT_ATELIER})
    ol.save_service_colours({"Aide aux démarches administratives": "#123456"})
    service_style.apply_service_style(paca_layer, ol.load_service_colours())
    shown = ids_shown(paca_layer)
    project_file = tmp_path / "orientation.qgz"
    assert QgsProject.instance().write(str(project_file))

    QgsProject.instance().clear()
    assert QgsProject.instance().read(str(project_file))
    layer = QgsProject.instance().mapLayersByName("Lieux")[0]
    assert ol.stored_query(layer) == near_marseille
    assert ids_shown(layer) == shown  # the display filter is back as saved
    assert ol.orientation_layers() == [layer]
    assert ol.load_presets() == {"Démarches à Marseille": near_marseille, "Gratuit en atelier": GRATUIT_ATELIER}
    assert ol.load_service_colours() == {"Aide aux démarches administratives": "#123456"}
    renderer = layer.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    first = renderer.rootRule().children()[0]
    assert first.label() == "Aide aux démarches administratives"
    assert first.symbol().symbolLayer(0).strokeColor().name() == "#123456"


def test_service_renderer_draws_each_service_and_gives_the_old_style_back(paca_layer, paca_records):
    before = paca_layer.renderer().type()
    service_style.apply_service_style(paca_layer)
    rules = paca_layer.renderer().rootRule().children()
    assert [r.label() for r in rules[:9]] == list(service_style.service_values())
    assert rules[-1].isElse()
    # each rule's filter selects exactly the lieux listing the service
    for rule in rules[:9]:
        request = QgsFeatureRequest().setFilterExpression(rule.filterExpression())
        got = {f["id"] for f in paca_layer.getFeatures(request)}
        expected = {r["id"] for r in paca_records if rule.label() in r.get("services", "").split("|")}
        assert got == expected, rule.label()
    service_style.remove_service_style(paca_layer)
    assert paca_layer.renderer().type() == before


def test_a_geopackage_of_text_fields_is_read_with_sqlite_like_the_features(paca_layer):
    from plugin.core.schema import load_schema
    from plugin.qgis.layer_records import records_from_layer

    schema = load_schema()
    for subset in ("", "\"code_postal\" LIKE '13%' AND \"services\" LIKE '%Aide%'"):
        paca_layer.setSubsetString(subset)
        copy = ol.readable_copy(paca_layer)
        fast = ol._geopackage_lieux(copy, subset, schema)
        assert fast is not None
        records, fids = fast
        table = records_from_layer(copy)
        assert fids == table.feature_ids
        assert records == [{name: row.get(name, "") for name in schema.field_names} for row in table.rows]
    paca_layer.setSubsetString("")
