"""A throw-away PostgreSQL cluster for the tests: initdb in a temporary folder, started on a free loopback
port, stopped and removed afterwards. Uses Debian's packages (postgresql-15 + postgresql-15-postgis-3, which
scripts/bootstrap.sh installs); the tests that need it are skipped with the reason when they are missing."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

PG_BIN_CANDIDATES = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin")
SUPERUSER = "mednum_admin"


def pg_bin() -> Path | None:
    for candidate in (os.environ.get("MEDNUM_PG_BIN", ""), *PG_BIN_CANDIDATES):
        if candidate and (Path(candidate) / "initdb").is_file():
            return Path(candidate)
    return None


def missing_reason() -> str:
    """Why the cluster cannot start here ('' when it can)."""
    bin_dir = pg_bin()
    if bin_dir is None:
        return "PostgreSQL server binaries not installed (scripts/bootstrap.sh --dev installs them)"
    share = Path(str(bin_dir).replace("/lib/", "/share/").removesuffix("/bin")) / "extension" / "postgis.control"
    if not share.is_file():
        return "PostGIS not installed for this PostgreSQL (apt package postgresql-15-postgis-3)"
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return "psycopg2 not installed (apt package python3-psycopg2)"
    return ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Cluster:
    directory: Path
    port: int
    bin_dir: Path
    run_as: list[str]
    database: str = "mednum"
    user: str = SUPERUSER

    @property
    def dsn(self) -> str:
        return f"host=127.0.0.1 port={self.port} dbname={self.database} user={self.user}"

    def uri(self, schema: str, table: str = "lieux") -> str:
        """A QGIS postgres data source URI (no password: the cluster trusts loopback)."""
        return (
            f"host=127.0.0.1 port={self.port} dbname='{self.database}' user='{self.user}' "
            f'key=\'fid\' srid=4326 type=Point table="{schema}"."{table}" (geom)'
        )

    def connect(self, **settings):
        import psycopg2

        connection = psycopg2.connect(self.dsn, **settings)
        connection.autocommit = True
        return connection

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.run_as, *args], capture_output=True, text=True, cwd="/")
        if done.returncode:
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr or done.stdout}")

    def start(self) -> None:
        data = self.directory / "data"
        self._run(
            str(self.bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
            "--no-sync", "--locale=C.UTF-8",
        )
        options = f"-h 127.0.0.1 -p {self.port} -k {self.directory} -c fsync=off -c full_page_writes=off"
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "30",
                  "-l", str(self.directory / "server.log"), "start")
        deadline = time.monotonic() + 30
        while True:
            import psycopg2

            try:
                admin = self.connect_to("postgres")
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
                continue
            admin.autocommit = True
            admin.cursor().execute(f"CREATE DATABASE {self.database}")
            admin.close()
            break

    def connect_to(self, database: str):
        import psycopg2

        return psycopg2.connect(f"host=127.0.0.1 port={self.port} dbname={database} user={self.user}")

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin_dir / "pg_ctl"), "-D", str(self.directory / "data"), "-m", "immediate",
             "-w", "stop"],
            capture_output=True,
            cwd="/",
        )


def start_cluster(directory: Path) -> Cluster:
    """Start a cluster in ``directory``; as root (a container) the server runs as the ``postgres`` user."""
    bin_dir = pg_bin()
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        user = pwd.getpwnam("postgres")
        shutil.chown(directory, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    cluster = Cluster(directory=directory, port=free_port(), bin_dir=bin_dir, run_as=run_as)
    cluster.start()
    _stop_when_gone(cluster, os.getpid())
    return cluster


def _stop_when_gone(cluster: Cluster, pid: int) -> None:
    """A watchdog that stops the cluster and removes its folder if the test process dies without its
    teardown (killed by a timeout): no server left running on the machine."""
    stop = " ".join([*cluster.run_as, str(cluster.bin_dir / "pg_ctl"), "-D", str(cluster.directory / "data"),
                     "-m", "immediate", "stop"])
    script = (f"while kill -0 {pid} 2>/dev/null; do sleep 2; done; "
              f"{stop} >/dev/null 2>&1; rm -rf '{cluster.directory}'")
    subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True, cwd="/")
