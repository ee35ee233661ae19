"""Write assets/body_maps/ATTRIBUTION.md."""
from . import tables, meshes
from .meshes import STL_REPO, STL_COMMIT, SKIN_REPO, SKIN_COMMIT, SKIN_PATH


def write(path):
    lines = [
        "# Body maps: attribution and licence",
        "",
        "The body maps in this folder (`*.json`, `regions.json`, `previews/*.svg`) are adapted from",
        "BodyParts3D:",
        "",
        "> BodyParts3D, © The Database Center for Life Science licensed under CC Attribution-Share Alike 2.1 Japan",
        "",
        "Licence of these files: **CC BY-SA 2.1 Japan** (https://creativecommons.org/licenses/by-sa/2.1/jp/),",
        "as required for adaptations. The rest of tpi-viewer keeps its own licence.",
        "",
        "Projected to 2D and simplified by tpi-viewer (`tools/body_maps/`).",
        "",
        "## What was changed",
        "",
        "- The 3D meshes (millimetres) were decimated and projected orthographically onto six views",
        "  (front, back, right and left side, head and neck from the right, back of the head and neck).",
        "- For each muscle the whole silhouette and the part in front of all other muscles and bones",
        "  were traced as polygons, simplified (0.35 mm on head views, 1 mm on whole-body views) and",
        "  rounded to 0.1 mm; right and left muscles are separate entries.",
        "- Muscles made of several meshes were united (masseter, deltoid, pectoralis major, digastric,",
        "  biceps brachii, triceps brachii, biceps femoris, gastrocnemius, lateral pterygoid, pronator teres).",
        "- The sternocleidomastoid mesh was split into sternal and clavicular divisions by a plane",
        "  through the muscle axis separating its two inferior attachments.",
        "- The temporalis (mesh missing in the public copy) was drawn from the skull: the laterally facing",
        "  skull wall above the zygomatic arch, bounded by a temporal line through landmarks of the skull,",
        "  joined to the coronoid process of the mandible. It is marked `drawn: true`.",
        "- The skin outline over the hair was replaced by the skull outline plus 6 mm.",
        "- Surface regions, labels and trigger points were computed from the geometry by tpi-viewer.",
        "",
        "## Sources",
        "",
        f"- Muscle and bone meshes: BodyParts3D 3.0 STL files from the GitHub repository `{STL_REPO}`,",
        f"  commit `{STL_COMMIT}`, folder `assets/stl/` (converted by K. M. Moerman, repository",
        "  `Kevin-Mattheus-Moerman/BodyParts3D`).",
        f"- Skin surface: `{SKIN_PATH}` of the GitHub repository `{SKIN_REPO}`, commit `{SKIN_COMMIT}`.",
        "",
        "## FMA ids used",
        "",
    ]
    for mid, (r, l, layer, views, name) in sorted(tables.MUSCLES.items()):
        if r or l:
            lines.append(f"- {mid}: right {', '.join(r)}; left {', '.join(l)}")
    lines.append("- scm_sternal, scm_clavicular: split from sternocleidomastoid FMA13408 (right), FMA13409 (left)")
    lines.append("- temporalis: drawn from the skull bones below (FMA49007/FMA49008 absent)")
    for bid, (name, r, l, m, views) in sorted(tables.BONES.items()):
        ids = r + l + m
        lines.append(f"- bone {bid}: {', '.join(ids)}")
    lines.append(f"- occluding context muscles (not exported): {', '.join(sorted(tables.CONTEXT_MUSCLES))}")
    lines.append(f"- landmarks (ear, larynx, teeth, eyelids): {', '.join(sorted(tables.OTHER_MESHES))}")
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
