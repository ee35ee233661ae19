"""The surface regions: ids, plain-language names, body area, synonyms, deep/bilateral flags."""
from __future__ import annotations

import json




# id: (name, area, synonyms, deep, bilateral)
REGIONS = {
    # head
    "forehead": ("Forehead", "head", ["brow", "front of the head"], False, True),
    "eyebrow": ("Eyebrow", "head", ["above the eye", "brow ridge"], False, True),
    "temple": ("Temple", "head", ["side of the forehead", "temporal region"], False, True),
    "vertex": ("Top of the head", "head", ["crown", "top of the skull", "vertex"], False, False),
    "side_of_head": ("Side of the head above the ear", "head", ["above the ear", "parietal region"], False, True),
    "occiput": ("Back of the head", "head", ["occiput", "back of the skull"], False, True),
    "mastoid": ("Behind the ear", "head", ["mastoid", "bone behind the ear"], False, True),
    "outer_ear": ("Ear", "head", ["ear", "earlobe", "auricle"], False, True),
    "inside_ear": ("Inside the ear", "head", ["deep in the ear", "earache", "ear canal"], True, True),
    "jaw_joint": ("Jaw joint", "head", ["TMJ", "in front of the ear", "temporomandibular joint"], False, True),
    "cheek": ("Cheek", "head", ["face", "cheekbone", "side of the face"], False, True),
    "nose": ("Nose", "head", ["nose", "bridge of the nose", "sinus"], False, False),
    "upper_teeth": ("Upper teeth", "head", ["upper jaw", "upper molars", "toothache above"], True, True),
    "lower_teeth": ("Lower teeth", "head", ["lower jaw", "lower molars", "toothache below"], True, True),
    "angle_of_jaw": ("Angle of the jaw", "head", ["jaw angle", "corner of the jaw"], False, True),
    "chin": ("Chin", "head", ["chin", "point of the jaw"], False, False),
    "behind_eye": ("Behind the eye", "head", ["eye", "in the eye", "eye socket"], True, True),
    # neck
    "throat": ("Throat", "neck", ["throat", "voice box", "larynx", "swallowing"], True, False),
    "front_of_neck": ("Front of the neck", "neck", ["under the jaw", "front of throat"], False, True),
    "side_of_neck": ("Side of the neck", "neck", ["side of the throat", "neck side"], False, True),
    "back_of_neck": ("Upper back of the neck", "neck", ["base of the skull", "nape", "suboccipital"], False, True),
    "lower_back_of_neck": ("Lower back of the neck", "neck", ["lower neck", "base of the neck"], False, True),
    # trunk
    "neck_shoulder_angle": ("Where the neck meets the shoulder", "trunk", ["shoulder-neck angle", "top of the shoulder blade"], False, True),
    "top_of_shoulder": ("Top of the shoulder", "trunk", ["shoulder top", "acromion", "point of the shoulder"], False, True),
    "suprascapular": ("Above the shoulder blade", "trunk", ["upper shoulder blade", "supraspinous area"], False, True),
    "interscapular": ("Between the shoulder blades", "trunk", ["between the shoulder blades", "upper back"], False, True),
    "medial_scapular_border": ("Inner edge of the shoulder blade", "trunk", ["edge of the shoulder blade", "medial border of the scapula"], False, True),
    "scapula": ("Shoulder blade", "trunk", ["shoulder blade", "scapula"], False, True),
    "inferior_scapular_angle": ("Bottom tip of the shoulder blade", "trunk", ["lower tip of the shoulder blade"], False, True),
    "thoracic_paraspinal": ("Beside the spine, mid back", "trunk", ["mid back", "along the spine"], False, True),
    "lumbar": ("Low back", "trunk", ["lower back", "small of the back", "lumbar"], False, True),
    "flank": ("Flank", "trunk", ["side of the waist", "loin"], False, True),
    "iliac_crest": ("Top of the hip bone", "trunk", ["hip bone", "iliac crest", "belt line"], False, True),
    "sacroiliac": ("Sacroiliac area", "trunk", ["SI joint", "dimple of the low back"], False, True),
    "sacrum": ("Sacrum", "trunk", ["tailbone area", "base of the spine"], False, False),
    "buttock": ("Buttock", "trunk", ["bottom", "seat", "gluteal region"], False, True),
    "lower_buttock": ("Lower buttock", "trunk", ["buttock crease", "sitting bone"], False, True),
    "pectoral": ("Upper chest", "trunk", ["chest", "pectoral region"], False, True),
    "sternum": ("Breastbone", "trunk", ["breastbone", "sternum", "centre of the chest"], False, False),
    "breast": ("Breast", "trunk", ["nipple area", "breast"], False, True),
    "lateral_chest_wall": ("Side of the chest", "trunk", ["ribs at the side", "under the arm"], False, True),
    "upper_abdomen": ("Upper abdomen", "trunk", ["upper belly", "stomach area", "pit of the stomach"], False, True),
    "lower_abdomen": ("Lower abdomen", "trunk", ["lower belly", "below the navel"], False, True),
    "groin": ("Groin", "trunk", ["groin", "inguinal area"], False, True),
    # upper limb
    "front_of_shoulder": ("Front of the shoulder", "upper_limb", ["front shoulder"], False, True),
    "outer_shoulder": ("Outer shoulder", "upper_limb", ["side of the shoulder", "deltoid area"], False, True),
    "back_of_shoulder": ("Back of the shoulder", "upper_limb", ["rear shoulder"], False, True),
    "front_of_upper_arm": ("Front of the upper arm", "upper_limb", ["biceps area", "inner arm"], False, True),
    "back_of_upper_arm": ("Back of the upper arm", "upper_limb", ["triceps area", "back of the arm"], False, True),
    "lateral_elbow": ("Outer elbow", "upper_limb", ["tennis elbow area", "outside of the elbow"], False, True),
    "medial_elbow": ("Inner elbow", "upper_limb", ["golfer's elbow area", "inside of the elbow", "funny bone"], False, True),
    "front_of_forearm": ("Front of the forearm", "upper_limb", ["palm side of the forearm", "inner forearm"], False, True),
    "back_of_forearm": ("Back of the forearm", "upper_limb", ["outer forearm", "top of the forearm"], False, True),
    "back_of_wrist_and_hand": ("Back of the wrist and hand", "upper_limb", ["back of the hand", "wrist"], False, True),
    "palm": ("Palm", "upper_limb", ["palm", "inside of the hand"], False, True),
    "thumb_side": ("Thumb side of the hand", "upper_limb", ["thumb", "base of the thumb"], False, True),
    "little_finger_side": ("Little-finger side of the hand", "upper_limb", ["little finger", "pinky side"], False, True),
    # lower limb
    "greater_trochanter": ("Side of the hip", "lower_limb", ["hip", "outer hip", "greater trochanter"], False, True),
    "front_of_thigh": ("Front of the thigh", "lower_limb", ["front thigh", "quadriceps area"], False, True),
    "outer_thigh": ("Outer thigh", "lower_limb", ["side of the thigh"], False, True),
    "back_of_thigh": ("Back of the thigh", "lower_limb", ["hamstrings area"], False, True),
    "inner_thigh": ("Inner thigh", "lower_limb", ["groin side of the thigh"], False, True),
    "front_of_knee": ("Front of the knee", "lower_limb", ["kneecap", "knee"], False, True),
    "back_of_knee": ("Back of the knee", "lower_limb", ["hollow of the knee"], False, True),
    "calf": ("Calf", "lower_limb", ["back of the leg", "calf"], False, True),
    "shin": ("Shin", "lower_limb", ["front of the leg", "shin"], False, True),
    "outer_calf": ("Outer calf", "lower_limb", ["side of the leg"], False, True),
    "front_of_ankle": ("Front of the ankle", "lower_limb", ["ankle"], False, True),
    "heel": ("Heel", "lower_limb", ["heel", "back of the heel"], False, True),
    "sole": ("Sole of the foot", "lower_limb", ["sole", "bottom of the foot", "arch"], False, True),
    "top_of_foot": ("Top of the foot", "lower_limb", ["top of the foot", "instep"], False, True),
}
RIDS = list(REGIONS)
RINDEX = {r: i for i, r in enumerate(RIDS)}
# deep regions are carved out of their neighbours: draw them last (on top)
PRIORITY = ["inside_ear", "behind_eye", "upper_teeth", "lower_teeth", "throat", "jaw_joint"]


def write_vocabulary(path):
    regs = []
    for rid in sorted(REGIONS):
        name, area, syn, deep, bil = REGIONS[rid]
        regs.append({"id": rid, "name": name, "area": area, "synonyms": syn, "deep": deep, "bilateral": bil})
    doc = {"format": "tpi-viewer-regions", "format_version": 1, "regions": regs}
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
