"""Screenshots of team mode for the README (resources/screenshots/team_*.png), on a throw-away PostgreSQL cluster:
the PACA sample imported, two agents saving the same lieu (the second one's side-by-side dialog), then the
journal « Qui a modifié quoi ». Run: xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_team.py
"""

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from qgis.core import QgsApplication  # noqa: E402
from qgis.PyQt.QtWidgets import QApplication  # noqa: E402

app = QgsApplication([], True)
app.initQgis()

from plugin.core.i18n import use_language  # noqa: E402

use_language("fr")
from tests.helpers import postgres_cluster as pg  # noqa: E402

OUT = REPO / "resources" / "screenshots"
SAMPLE = REPO.parent / "shared" / "data" / "samples" / "hub-du-sud-paca-2023.json"
if not SAMPLE.exists():
    SAMPLE = Path("/work/shared/data/samples/hub-du-sud-paca-2023.json")


def settle() -> None:
    for _ in range(20):
        QApplication.processEvents()


cluster = pg.start_cluster(Path(tempfile.mkdtemp(prefix="mednum-pg-shot-")))
try:
    from plugin.gui.journal_dialog import JournalDialog
    from plugin.gui.pull_conflicts_dialog import PullConflictsDialog
    from plugin.gui.team_feature import team_conflict_texts
    from plugin.qgis.import_export import import_lieux
    from plugin.qgis.team_database import TeamDatabase
    from plugin.qgis.team_layer import guard_layer

    uri = f"host=127.0.0.1 port={cluster.port} dbname='{cluster.database}' user='{cluster.user}'"
    team = TeamDatabase(uri, "mednum", label="atelier")
    import_lieux(SAMPLE, team, validate=False)
    mine, theirs = team.open_layer(), team.open_layer("collègue")
    fid = next(mine.getFeatures()).id()
    index = {name: mine.fields().indexFromName(name) for name in ("nom", "telephone", "horaires")}
    mine.startEditing()
    mine.changeAttributeValue(fid, index["nom"], "Médiathèque Aragon")
    mine.changeAttributeValue(fid, index["horaires"], "Mo-Fr 09:00-12:00")
    theirs.startEditing()
    theirs.changeAttributeValue(fid, index["nom"], "Médiathèque Louis Aragon — espace numérique")
    theirs.changeAttributeValue(fid, index["horaires"], "Mo-Fr 09:00-12:00,14:00-17:30")
    assert theirs.commitChanges(), theirs.commitErrors()
    team.run('UPDATE mednum.lieux SET telephone = \'+33491000000\' WHERE fid = 3', agent="Dominique")
    team.run("DELETE FROM mednum.lieux WHERE fid = 5", agent="Dominique")
    guard = guard_layer(mine)
    conflicts = guard.conflicts()

    dialog = PullConflictsDialog(conflicts, "un collègue", texts=team_conflict_texts())
    dialog.resize(980, 430)
    dialog.show()
    settle()
    dialog.grab().save(str(OUT / "team_conflict.png"))
    dialog.close()
    mine.rollBack()

    journal = JournalDialog(team)
    journal.resize(1100, 360)
    journal.show()
    settle()
    journal.grab().save(str(OUT / "team_journal.png"))
    journal.close()
    print("written", OUT / "team_conflict.png", OUT / "team_journal.png")
finally:
    cluster.stop()
