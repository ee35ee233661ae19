"""Fetch BodyParts3D meshes into the git-ignored cache and load them as numpy arrays."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"

STL_GIT_DIR = os.environ.get(
    "BODYMAPS_STL_GIT_DIR", "/work/.mirror/ChefYeshpal+webapp-skeletor/repo")
STL_COMMIT = "0f41a03bd60795b84e4938ecb156a906d03c2e3b"
STL_REPO = "ChefYeshpal/webapp-skeletor"
SKIN_GIT_DIR = os.environ.get("BODYMAPS_SKIN_GIT_DIR", "/work/.mirror/dbcls+bp3d/repo")
SKIN_COMMIT = "1d8b09f7f62c4a01cf4f5de4ebb2d947b91dab46"
SKIN_REPO = "dbcls/bp3d"
SKIN_PATH = "FMASearch_SegmentUI/htdocs/static/obj/body.obj"


def _git_show(git_dir: str, commit: str, path: str, out: Path) -> bool:
    out.parent.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
                         capture_output=True)
    if res.returncode != 0 or len(res.stdout) < 200:
        return False
    out.write_bytes(res.stdout)
    return True


def stl_path(fma: str) -> Path:
    return CACHE / "stl" / f"{fma}.stl"


def fetch(fma_ids, verbose=True):
    """Extract the given FMA meshes and the skin surface into the cache (skips present ones)."""
    missing = []
    for fma in sorted(set(fma_ids)):
        p = stl_path(fma)
        if p.exists():
            continue
        if not _git_show(STL_GIT_DIR, STL_COMMIT, f"assets/stl/{fma}.stl", p):
            missing.append(fma)
    skin = CACHE / "body.obj"
    if not skin.exists():
        if not _git_show(SKIN_GIT_DIR, SKIN_COMMIT, SKIN_PATH, skin):
            raise SystemExit(f"cannot extract skin {SKIN_PATH} from {SKIN_GIT_DIR}")
    if verbose and missing:
        print("not in the mesh mirror:", " ".join(missing))
    return missing


def load_stl(fma: str):
    """Binary STL -> (vertices float64 (n,3), faces int (m,3)), duplicate vertices merged."""
    p = stl_path(fma)
    if not p.exists():
        return None
    data = p.read_bytes()
    n = int(np.frombuffer(data, dtype="<u4", count=1, offset=80)[0])
    rec = np.dtype([("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")])
    if 84 + n * 50 != len(data):  # ASCII STL fallback
        pts = [list(map(float, l.split()[1:4])) for l in data.decode("ascii", "replace").splitlines()
               if l.strip().startswith("vertex")]
        tri = np.array(pts, dtype=np.float64).reshape(-1, 3, 3)
    else:
        tri = np.frombuffer(data, dtype=rec, count=n, offset=84)["v"].astype(np.float64)
    flat = tri.reshape(-1, 3)
    uniq, inv = np.unique(np.round(flat, 4), axis=0, return_inverse=True)
    faces = inv.reshape(-1, 3)
    good = (faces[:, 0] != faces[:, 1]) & (faces[:, 1] != faces[:, 2]) & (faces[:, 0] != faces[:, 2])
    return uniq, faces[good]


def load_obj(path: Path):
    vs, fs = [], []
    for line in path.read_text().splitlines():
        if line.startswith("v "):
            vs.append([float(t) for t in line.split()[1:4]])
        elif line.startswith("f "):
            fs.append([int(t.split("/")[0]) - 1 for t in line.split()[1:4]])
    return np.array(vs, dtype=np.float64), np.array(fs, dtype=np.int64)


def load_skin():
    return load_obj(CACHE / "body.obj")


def decimate(v, f, target_faces):
    """Deterministic quadric decimation to about target_faces faces."""
    if len(f) <= target_faces:
        return v, f
    import fast_simplification
    red = 1.0 - target_faces / len(f)
    v2, f2 = fast_simplification.simplify(v.astype(np.float32), f.astype(np.int32),
                                          target_reduction=red)
    return v2.astype(np.float64), f2.astype(np.int64)


_CACHE_MEM: dict = {}


def load(fma: str, target_faces: int = 4000):
    """Load + decimate with an on-disk npz cache (deterministic)."""
    key = (fma, target_faces)
    if key in _CACHE_MEM:
        return _CACHE_MEM[key]
    npz = CACHE / "dec" / f"{fma}_{target_faces}.npz"
    if npz.exists():
        d = np.load(npz)
        out = (d["v"], d["f"])
    else:
        m = load_stl(fma)
        if m is None:
            return None
        out = decimate(*m, target_faces)
        npz.parent.mkdir(parents=True, exist_ok=True)
        np.savez(npz, v=out[0], f=out[1])
    _CACHE_MEM[key] = out
    return out
