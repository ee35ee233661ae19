"""Muscle, bone and region tables for the body-map build.

Muscle table: app id -> FMA ids per side (BodyParts3D 3.0), layer, views.
FMA ids verified against the mirror's composite_parts.txt label table (see README.md).
"""

ALL_VIEWS = ("anterior", "posterior", "lateral_right", "lateral_left", "head_lateral", "head_posterior")
BODY = ("anterior", "posterior", "lateral_right", "lateral_left")
HEAD = ("head_lateral", "head_posterior")
FRONT = ("anterior", "lateral_right", "lateral_left")
BACK = ("posterior", "lateral_right", "lateral_left")
LAT = ("lateral_right", "lateral_left")

# id: (right FMA ids, left FMA ids, layer, views, name)
# Views list where the muscle is exported (if its projection is non-empty there).
MUSCLES = {
    # ---- head ----
    "masseter": (["FMA49001", "FMA49004"], ["FMA49002", "FMA49005"], "superficial",
                 ("anterior", "lateral_right", "lateral_left", "head_lateral"), "Masseter"),
    "temporalis": ([], [], "superficial",
                   ("anterior", "lateral_right", "lateral_left", "head_lateral"),
                   "Temporalis (drawn from the skull)"),
    "lateral_pterygoid": (["FMA49022", "FMA49024"], ["FMA49023", "FMA49025"], "deep",
                          ("head_lateral", "lateral_right", "lateral_left"), "Lateral pterygoid"),
    "medial_pterygoid": (["FMA49012"], ["FMA49013"], "deep",
                         ("head_lateral", "lateral_right", "lateral_left"), "Medial pterygoid"),
    "frontalis": (["FMA46759"], ["FMA46760"], "superficial", ("anterior",) + LAT + ("head_lateral",), "Frontalis"),
    "occipitalis": (["FMA46761"], ["FMA46762"], "superficial", ("posterior",) + LAT + HEAD, "Occipitalis"),
    "digastric": (["FMA46304", "FMA46306"], ["FMA46305", "FMA46307"], "deep",
                  ("anterior",) + LAT + ("head_lateral",), "Digastric"),
    "zygomaticus_major": (["FMA46812"], ["FMA46813"], "superficial",
                          ("anterior",) + LAT + ("head_lateral",), "Zygomaticus major"),
    "platysma": (["FMA45739"], ["FMA45740"], "superficial", ("anterior",) + LAT + ("head_lateral",), "Platysma"),
    # ---- neck ----
    "scm": (["FMA13408"], ["FMA13409"], "superficial", (), "Sternocleidomastoid (split below)"),
    "scm_sternal": ([], [], "superficial", ("anterior",) + LAT + ("head_lateral",), "SCM, sternal division"),
    "scm_clavicular": ([], [], "superficial", ("anterior",) + LAT + ("head_lateral",), "SCM, clavicular division"),
    "scalene_anterior": (["FMA13392"], ["FMA13393"], "deep", ("anterior",) + LAT + ("head_lateral",), "Scalenus anterior"),
    "scalene_medius": (["FMA13390"], ["FMA13391"], "deep", ("anterior",) + LAT + ("head_lateral",), "Scalenus medius"),
    "scalene_posterior": (["FMA13388"], ["FMA13389"], "deep", ("anterior",) + LAT + HEAD, "Scalenus posterior"),
    "splenius_capitis": (["FMA22728"], ["FMA22729"], "superficial", ("posterior",) + LAT + HEAD, "Splenius capitis"),
    "splenius_cervicis": (["FMA22726"], ["FMA22727"], "deep", ("posterior",) + LAT + HEAD, "Splenius cervicis"),
    "semispinalis_capitis": (["FMA22876"], ["FMA22877"], "deep", ("posterior",) + LAT + HEAD, "Semispinalis capitis"),
    "rectus_capitis_posterior_major": (["FMA32530"], ["FMA32531"], "deep", ("posterior", "head_posterior", "head_lateral"),
                                       "Rectus capitis posterior major"),
    "obliquus_capitis_inferior": (["FMA32536"], ["FMA32537"], "deep", ("posterior", "head_posterior", "head_lateral"),
                                  "Obliquus capitis inferior"),
    "levator_scapulae": (["FMA32540"], ["FMA32541"], "deep", ("posterior",) + LAT + HEAD, "Levator scapulae"),
    # ---- shoulder / back ----
    "upper_trapezius": (["FMA33586"], ["FMA33587"], "superficial", BODY + HEAD, "Trapezius, descending part"),
    "middle_trapezius": (["FMA33584"], ["FMA33585"], "superficial", ("posterior",) + LAT + ("head_posterior",),
                         "Trapezius, transverse part"),
    "lower_trapezius": (["FMA33581"], ["FMA33583"], "superficial", ("posterior",) + LAT, "Trapezius, ascending part"),
    "rhomboid_major": (["FMA13381"], ["FMA13382"], "deep", ("posterior",) + LAT, "Rhomboid major"),
    "rhomboid_minor": (["FMA13383"], ["FMA13384"], "deep", ("posterior",) + LAT + ("head_posterior",), "Rhomboid minor"),
    "supraspinatus": (["FMA32544"], ["FMA32545"], "deep", ("posterior",) + LAT + ("head_posterior",), "Supraspinatus"),
    "infraspinatus": (["FMA32547"], ["FMA32548"], "superficial", ("posterior",) + LAT, "Infraspinatus"),
    "teres_major": (["FMA32551"], ["FMA32552"], "superficial", BODY, "Teres major"),
    "teres_minor": (["FMA32553"], ["FMA32554"], "superficial", ("posterior",) + LAT, "Teres minor"),
    "subscapularis": (["FMA13414"], ["FMA13415"], "deep", ("anterior", "posterior") + LAT, "Subscapularis"),
    "deltoid": (["FMA34680", "FMA34682", "FMA34684"], ["FMA34681", "FMA34683", "FMA34685"], "superficial",
                BODY + ("head_posterior",), "Deltoid"),
    "serratus_posterior_superior": (["FMA13403"], ["FMA13404"], "deep", ("posterior",) + LAT,
                                    "Serratus posterior superior"),
    "iliocostalis_thoracis": (["FMA22742"], ["FMA22743"], "deep", ("posterior",) + LAT, "Iliocostalis thoracis"),
    "spinalis_thoracis": (["FMA22779"], ["FMA22780"], "deep", ("posterior",) + LAT, "Spinalis thoracis"),
    "multifidus": (["FMA22878"], ["FMA22879"], "deep", ("posterior",) + LAT, "Multifidus"),
    "quadratus_lumborum": (["FMA22348"], ["FMA22349"], "deep", ("posterior", "anterior") + LAT, "Quadratus lumborum"),
    # ---- drawn sheets (meshes missing from the public copy; built by sheets.py) ----
    "latissimus_dorsi": ([], [], "superficial", BODY, "Latissimus dorsi (drawn)"),
    "serratus_anterior": ([], [], "superficial", BODY, "Serratus anterior (drawn)"),
    "rectus_abdominis": ([], [], "superficial", FRONT, "Rectus abdominis (drawn)"),
    "external_oblique": ([], [], "superficial", BODY, "External oblique (drawn)"),
    "internal_oblique": ([], [], "deep", FRONT, "Internal oblique (drawn)"),
    "iliocostalis_lumborum": ([], [], "deep", BACK, "Iliocostalis lumborum (drawn)"),
    "longissimus_thoracis": ([], [], "deep", BACK, "Longissimus thoracis (drawn)"),
    "vastus_lateralis": ([], [], "superficial", BODY, "Vastus lateralis (drawn)"),
    # ---- chest ----
    "pectoralis_major": (["FMA34690", "FMA79979", "FMA45874"], ["FMA34691", "FMA79980", "FMA45875"], "superficial",
                         ("anterior",) + LAT, "Pectoralis major"),
    "pectoralis_minor": (["FMA13375"], ["FMA13376"], "deep", ("anterior",) + LAT, "Pectoralis minor"),
    # ---- hip ----
    "psoas_major": (["FMA22342"], ["FMA22343"], "deep", ("anterior", "posterior") + LAT, "Psoas major"),
    "iliacus": (["FMA22322"], ["FMA22323"], "deep", ("anterior", "posterior") + LAT, "Iliacus"),
    "gluteus_maximus": (["FMA22328"], ["FMA22329"], "superficial", ("posterior",) + LAT, "Gluteus maximus"),
    "gluteus_medius": (["FMA22330"], ["FMA22331"], "superficial", ("posterior", "anterior") + LAT, "Gluteus medius"),
    "gluteus_minimus": (["FMA22332"], ["FMA22333"], "deep", ("posterior", "anterior") + LAT, "Gluteus minimus"),
    "piriformis": (["FMA22340"], ["FMA22341"], "deep", ("posterior",) + LAT, "Piriformis"),
    "obturator_internus": (["FMA22324"], ["FMA22325"], "deep", ("posterior",) + LAT, "Obturator internus"),
    "quadratus_femoris": (["FMA22338"], ["FMA22339"], "deep", ("posterior",) + LAT, "Quadratus femoris"),
    "tensor_fasciae_latae": (["FMA22425"], ["FMA22426"], "superficial", ("anterior", "posterior") + LAT,
                             "Tensor fasciae latae"),
    # ---- thigh ----
    "rectus_femoris": (["FMA38928"], ["FMA38929"], "superficial", ("anterior",) + LAT, "Rectus femoris"),
    "vastus_medialis": (["FMA38932"], ["FMA38933"], "superficial", ("anterior",) + LAT, "Vastus medialis"),
    "sartorius": (["FMA22354"], ["FMA22355"], "superficial", ("anterior", "posterior") + LAT, "Sartorius"),
    "gracilis": (["FMA43883"], ["FMA43884"], "superficial", ("anterior", "posterior") + LAT, "Gracilis"),
    "pectineus": (["FMA22450"], ["FMA22451"], "superficial", ("anterior",) + LAT, "Pectineus"),
    "adductor_longus": (["FMA22456"], ["FMA22457"], "superficial", ("anterior",) + LAT, "Adductor longus"),
    "adductor_magnus": (["FMA22459"], ["FMA22460"], "superficial", ("anterior", "posterior") + LAT, "Adductor magnus"),
    "biceps_femoris": (["FMA45888", "FMA45891"], ["FMA45889", "FMA45892"], "superficial", ("posterior",) + LAT,
                       "Biceps femoris"),
    "semitendinosus": (["FMA22358"], ["FMA22359"], "superficial", ("posterior",) + LAT, "Semitendinosus"),
    "semimembranosus": (["FMA22448"], ["FMA22449"], "superficial", ("posterior",) + LAT, "Semimembranosus"),
    # ---- leg ----
    "gastrocnemius": (["FMA45957", "FMA45960"], ["FMA45958", "FMA45961"], "superficial", BODY, "Gastrocnemius"),
    "soleus": (["FMA22558"], ["FMA22559"], "superficial", BODY, "Soleus"),
    "popliteus": (["FMA22591"], ["FMA22592"], "deep", ("posterior",) + LAT, "Popliteus"),
    "tibialis_anterior": (["FMA22544"], ["FMA22545"], "superficial", ("anterior",) + LAT, "Tibialis anterior"),
    "fibularis_longus": (["FMA22552"], ["FMA22553"], "superficial", BODY, "Fibularis longus"),
    "extensor_digitorum_longus": (["FMA22548"], ["FMA22549"], "superficial", ("anterior",) + LAT,
                                  "Extensor digitorum longus"),
    # ---- arm ----
    "biceps_brachii": (["FMA37684", "FMA37686"], ["FMA37685", "FMA37687"], "superficial", BODY, "Biceps brachii"),
    "triceps_brachii": (["FMA37695", "FMA37697", "FMA37699"], ["FMA37696", "FMA37698", "FMA37700"], "superficial",
                        BODY, "Triceps brachii"),
    "brachialis": (["FMA37668"], ["FMA37669"], "superficial", BODY, "Brachialis"),
    "brachioradialis": (["FMA38486"], ["FMA38487"], "superficial", BODY, "Brachioradialis"),
    "extensor_carpi_radialis_longus": (["FMA38495"], ["FMA38496"], "superficial", BODY,
                                       "Extensor carpi radialis longus"),
    "extensor_digitorum": (["FMA38501"], ["FMA38502"], "superficial", BODY, "Extensor digitorum"),
    "flexor_carpi_radialis": (["FMA38460"], ["FMA38461"], "superficial", BODY, "Flexor carpi radialis"),
    "pronator_teres": (["FMA38560", "FMA38562"], ["FMA38561", "FMA38563"], "superficial", BODY, "Pronator teres"),
    "supinator": (["FMA38513"], ["FMA38514"], "deep", BODY, "Supinator"),
}

# Muscles present in the mesh set that are not exported but occlude the exported ones.
CONTEXT_MUSCLES = [
    "FMA38934", "FMA38935", "FMA22452", "FMA22454", "FMA22326", "FMA22327", "FMA22334", "FMA22335",
    "FMA22336", "FMA22337", "FMA22560", "FMA22561", "FMA65018", "FMA65019", "FMA65016", "FMA65017",
    "FMA65014", "FMA65015", "FMA22546", "FMA22547", "FMA22554", "FMA22555", "FMA22550", "FMA22551",
    "FMA37665", "FMA37666", "FMA37705", "FMA37706", "FMA38498", "FMA38499", "FMA38504", "FMA38505",
    "FMA38617", "FMA38618", "FMA38619", "FMA38463", "FMA38464", "FMA38640", "FMA38479", "FMA38480",
    "FMA38516", "FMA38517", "FMA38519", "FMA38520", "FMA38522", "FMA38523", "FMA38525", "FMA38526",
    "FMA38482", "FMA38484", "FMA38454", "FMA38455",
    "FMA22754", "FMA22756", "FMA22757", "FMA22758", "FMA22744", "FMA22745", "FMA22872", "FMA22873",
    "FMA22874", "FMA22875", "FMA22781", "FMA22782", "FMA32534", "FMA32535", "FMA32532", "FMA32533",
    "FMA13348", "FMA13349", "FMA13346", "FMA13347", "FMA13350", "FMA13351", "FMA13352", "FMA13353",
    "FMA46321", "FMA46322", "FMA45826", "FMA45827", "FMA46835", "FMA46836", "FMA46841", "FMA46782",
    "FMA46783", "FMA13412", "FMA13411", "FMA23089", "FMA23090", "FMA43886", "FMA43887",
    "FMA46309", "FMA46310", "FMA22346", "FMA22347",
]

# Bones drawn for orientation: id -> (name, right FMA ids, left FMA ids, midline FMA ids)
VERTEBRAE_C = ["FMA12519", "FMA12520", "FMA12521", "FMA12522", "FMA12523", "FMA12524", "FMA12525"]
VERTEBRAE_T = ["FMA9165", "FMA9187", "FMA9209", "FMA9248", "FMA9922", "FMA9945", "FMA9968", "FMA9991",
               "FMA10014", "FMA10037", "FMA10059", "FMA10081"]
VERTEBRAE_L = ["FMA13072", "FMA13073", "FMA13074", "FMA13075", "FMA13076"]
RIBS_R = ["FMA7857", "FMA7882", "FMA7909", "FMA7957", "FMA8066", "FMA8175", "FMA8229", "FMA8283",
          "FMA8364", "FMA8445", "FMA8531", "FMA8533"]
RIBS_L = ["FMA7987", "FMA8012", "FMA8039", "FMA8148", "FMA8093", "FMA8202", "FMA8256", "FMA8310",
          "FMA8391", "FMA8472", "FMA8532", "FMA8534"]
CART_R = ["FMA7875", "FMA7886", "FMA7913", "FMA7976", "FMA8070", "FMA8194", "FMA8248"]
CART_L = ["FMA8005", "FMA8031", "FMA8058", "FMA8167", "FMA8112", "FMA8221", "FMA8275"]
HAND_R = ["FMA24435", "FMA24437", "FMA24439", "FMA24441", "FMA24443", "FMA23725", "FMA24446", "FMA24448",
          "FMA24464", "FMA24466", "FMA24468", "FMA24470", "FMA24472", "FMA24450", "FMA24451", "FMA24452",
          "FMA24453", "FMA24454", "FMA24455", "FMA24456", "FMA24457", "FMA24458", "FMA24459", "FMA24460",
          "FMA24461", "FMA24462", "FMA24463"]
HAND_L = ["FMA24436", "FMA24438", "FMA24440", "FMA24442", "FMA24444", "FMA24445", "FMA24447", "FMA24449",
          "FMA24465", "FMA24467", "FMA24469", "FMA24471", "FMA24473", "FMA65470", "FMA71915", "FMA71908",
          "FMA71916", "FMA66791", "FMA23938", "FMA23940", "FMA23942", "FMA23944", "FMA23951", "FMA23953",
          "FMA23955", "FMA23957", "FMA23959"]
FOOT_R = ["FMA24497", "FMA24482", "FMA24500", "FMA24528", "FMA24521", "FMA24523", "FMA24525", "FMA24507",
          "FMA24509", "FMA24511", "FMA24513", "FMA24515", "FMA43253", "FMA32634", "FMA32636", "FMA32638",
          "FMA32640", "FMA32642", "FMA32644", "FMA32646", "FMA230986", "FMA32650", "FMA32652", "FMA32654",
          "FMA32656", "FMA32658"]
FOOT_L = ["FMA24498", "FMA24483", "FMA24501", "FMA24529", "FMA24522", "FMA24524", "FMA24526", "FMA24508",
          "FMA24510", "FMA24512", "FMA24514", "FMA24516", "FMA43254", "FMA32635", "FMA32637", "FMA32639",
          "FMA32641", "FMA32643", "FMA32645", "FMA32647", "FMA230988", "FMA32651", "FMA32653", "FMA32655",
          "FMA32657", "FMA32659"]
SKULL = ["FMA52734", "FMA52735", "FMA52736", "FMA52740", "FMA52788", "FMA52789", "FMA52738", "FMA52739",
         "FMA52892", "FMA52893", "FMA53649", "FMA53650", "FMA53647", "FMA53648", "FMA53645", "FMA53646",
         "FMA53655", "FMA53656", "FMA54737", "FMA54738"]

BONES = {
    # id: (name, right, left, midline, views)
    "skull": ("Skull", [], [], SKULL, ALL_VIEWS),
    "mandible": ("Mandible", [], [], ["FMA52748"], ALL_VIEWS),
    "hyoid": ("Hyoid bone", [], [], ["FMA52749"], ("head_lateral",)),
    "cervical_spine": ("Cervical vertebrae", [], [], VERTEBRAE_C, ALL_VIEWS),
    "thoracic_spine": ("Thoracic vertebrae", [], [], VERTEBRAE_T, ALL_VIEWS),
    "lumbar_spine": ("Lumbar vertebrae", [], [], VERTEBRAE_L, BODY),
    "sacrum": ("Sacrum", [], [], ["FMA16202"], BODY),
    "sternum": ("Sternum", [], [], ["FMA7486", "FMA7487", "FMA7488"], BODY + ("head_lateral",)),
    "clavicle": ("Clavicle", ["FMA13322"], ["FMA13323"], [], ALL_VIEWS),
    "ribs": ("Ribs and costal cartilages", RIBS_R + CART_R, RIBS_L + CART_L, [], BODY + ("head_lateral", "head_posterior")),
    "hip_bone": ("Hip bone", ["FMA16586"], ["FMA16587"], [], BODY),
    "humerus": ("Humerus", ["FMA23130"], ["FMA23131"], [], BODY + ("head_posterior",)),
    "radius": ("Radius", ["FMA23464"], ["FMA23465"], [], BODY),
    "ulna": ("Ulna", ["FMA23467"], ["FMA23468"], [], BODY),
    "hand": ("Bones of the hand", HAND_R, HAND_L, [], BODY),
    "femur": ("Femur", ["FMA24474"], ["FMA24475"], [], BODY),
    "patella": ("Patella", ["FMA24486"], ["FMA24487"], [], BODY),
    "tibia": ("Tibia", ["FMA24477"], ["FMA24478"], [], BODY),
    "fibula": ("Fibula", ["FMA24480"], ["FMA24481"], [], BODY),
    "foot": ("Bones of the foot", FOOT_R, FOOT_L, [], BODY),
    # the scapula mesh is missing: outline of the muscles that cover its two surfaces
    "scapula": ("Scapula (outline of subscapularis, supraspinatus and infraspinatus)",
                ["FMA13414", "FMA32544", "FMA32547"], ["FMA13415", "FMA32545", "FMA32548"], [],
                ("posterior", "head_posterior") + LAT),
}
OUTLINE_ONLY_BONES = {"scapula"}
# muscles built by sheets.py from landmarks and neighbouring meshes (drawn: true)
DRAWN_SHEETS = ("latissimus_dorsi", "serratus_anterior", "rectus_abdominis", "external_oblique", "internal_oblique",
                "iliocostalis_lumborum", "longissimus_thoracis", "vastus_lateralis")

OTHER_MESHES = ["FMA52780",  # ear (landmark)
                "FMA55099", "FMA7394",  # thyroid cartilage, trachea (landmarks)
                # teeth (for upper_teeth / lower_teeth regions)
                "FMA55680", "FMA55681", "FMA55682", "FMA55683", "FMA55686", "FMA55687", "FMA55688", "FMA55689",
                "FMA55690", "FMA55691", "FMA55692", "FMA55693", "FMA55694", "FMA55695", "FMA55697", "FMA55698",
                "FMA55699", "FMA55700", "FMA55703", "FMA55704", "FMA55705", "FMA55706", "FMA55798", "FMA55799",
                "FMA57140", "FMA57141", "FMA57142", "FMA57143",
                "FMA46785", "FMA46786",  # palpebral orbicularis oculi (eye position)
                ]
UPPER_TEETH = ["FMA55680", "FMA55681", "FMA55682", "FMA55683", "FMA55688", "FMA55689", "FMA55690", "FMA55691",
               "FMA55697", "FMA55698", "FMA55699", "FMA55700", "FMA55798", "FMA55799"]
LOWER_TEETH = ["FMA55686", "FMA55687", "FMA55692", "FMA55693", "FMA55694", "FMA55695", "FMA55703", "FMA55704",
               "FMA55705", "FMA55706", "FMA57140", "FMA57141", "FMA57142", "FMA57143"]


def all_fma_ids():
    ids = set(CONTEXT_MUSCLES) | set(OTHER_MESHES)
    for r, l, *_ in MUSCLES.values():
        ids |= set(r) | set(l)
    for _, r, l, m, _ in BONES.values():
        ids |= set(r) | set(l) | set(m)
    return sorted(ids)

# Views in which the trigger points of a muscle are written (where the muscle is exported).
_LAT = ("lateral_right", "lateral_left")
TP_VIEWS = {
    "masseter": ("head_lateral", "anterior") + _LAT,
    "temporalis": ("head_lateral", "anterior") + _LAT,
    "scm_sternal": ("head_lateral", "anterior") + _LAT,
    "scm_clavicular": ("head_lateral", "anterior") + _LAT,
    "upper_trapezius": ("posterior", "head_lateral", "head_posterior", "anterior") + _LAT,
    "middle_trapezius": ("posterior", "head_posterior") + _LAT,
    "lower_trapezius": ("posterior",) + _LAT,
    "levator_scapulae": ("posterior", "head_lateral", "head_posterior") + _LAT,
    "quadratus_lumborum": ("posterior",) + _LAT,
    "piriformis": ("posterior",) + _LAT,
}
