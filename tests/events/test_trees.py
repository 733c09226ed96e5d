"""Who acts on whom in hand-parsed sentences of the current UD Dutch scheme (trees in conftest style):
the coder's rules apart from any one parser's errors."""

from __future__ import annotations


def _dyads(events) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code, e.cameo, e.target.code) for e in events if e.status == "asserted"}


def test_a_known_actor_in_a_phrase_is_not_read_as_a_town_of_that_name(coded) -> None:
    # "Hamas" is also a place name; in the knowledge base it is the movement
    events = coded("""
        Israël          Israël          PROPN  nsubj   3
        heeft           hebben          AUX    aux     3
        toegebracht     toebrengen      VERB   root    0
        schade          schade          NOUN   obj     3
        aan             aan             ADP    case    7
        de              de              DET    det     7
        infrastructuur  infrastructuur  NOUN   obl     3
        van             van             ADP    case    9
        Hamas           Hamas           PROPN  nmod    7
        .               .               PUNCT  punct   3
    """, ents=((0, 1, "LOC"), (8, 9, "LOC")))
    assert _dyads(events) == {("ISR", "190", "PSEREBHMS")}


def test_a_participle_hung_after_its_object_as_a_modifier_is_the_clause_verb(coded) -> None:
    # Dutch puts an attributive participle before its noun: after it, it is the clause's verb
    events = coded("""
        Japan        Japan         PROPN  nsubj  4
        en           en            CCONJ  cc     3
        Zuid-Korea   Zuid-Korea    PROPN  conj   1
        hebben       hebben        VERB   root   0
        een          een           DET    det    6
        verdrag      verdrag       NOUN   obj    4
        ondertekend  ondertekenen  VERB   amod   6   VerbForm=Part
        .            .             PUNCT  punct  4
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    assert {("JPN", "057", "KOR"), ("KOR", "057", "JPN")} <= _dyads(events)


def test_the_actor_before_the_finite_verb_is_its_subject_whatever_its_label(coded) -> None:
    # a main clause has one phrase before its finite verb, mostly the subject
    events = coded("""
        Duitsland  Duitsland  PROPN  advmod  2
        bezocht    bezoeken   VERB   root    0   VerbForm=Fin
        Polen      Polen      PROPN  obj     2
        .          .          PUNCT  punct   2
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    assert ("DEU", "042", "POL") in _dyads(events)


def test_a_subject_labelled_as_a_second_object_before_the_finite_verb(coded) -> None:
    events = coded("""
        Russische    Russisch     ADJ    amod   2
        troepen      troep        NOUN   obj    3
        omsingelden  omsingelen   VERB   root   0   VerbForm=Fin
        Kiev         Kiev         PROPN  obj    3
        .            .            PUNCT  punct  3
    """, ents=((3, 4, "LOC"),))
    assert ("RUSMIL", "191", "UKRGOV") in _dyads(events)


def test_a_phrase_before_the_finite_verb_is_no_subject(coded) -> None:
    # "Volgens Duitsland bezocht ... Polen": the fronted phrase is not who acted
    events = coded("""
        Volgens    volgens    ADP    case    2
        Duitsland  Duitsland  PROPN  obl     3
        bezocht    bezoeken   VERB   root    0   VerbForm=Fin
        Polen      Polen      PROPN  obj     3
        .          .          PUNCT  punct   3
    """, ents=((1, 2, "LOC"), (3, 4, "LOC")))
    assert ("DEU", "042", "POL") not in _dyads(events)


def test_a_verb_hung_on_the_noun_after_it_takes_that_noun_as_its_object(coded) -> None:
    # no clause of a noun stands before it without "te", "om" or "dat": the noun is the object
    events = coded("""
        Duitsland  Duitsland  PROPN  nsubj      2
        betuigde   betuigen   VERB   advcl      4   VerbForm=Fin
        zijn       zijn       PRON   nmod:poss  4
        medeleven  medeleven  NOUN   root       0
        aan        aan        ADP    case       6
        Turkije    Turkije    PROPN  obl        4
        .          .          PUNCT  punct      4
    """, ents=((0, 1, "LOC"), (5, 6, "LOC")))
    assert ("DEU", "018", "TUR") in _dyads(events)


def test_a_verb_opened_by_om_te_is_a_clause_whatever_its_label(coded) -> None:
    events = coded("""
        Turkije     Turkije     PROPN  nsubj         2
        biedt       bieden      VERB   root          0   VerbForm=Fin
        aan         aan         ADP    compound:prt  2
        om          om          ADP    mark          6
        te          te          ADP    mark          6
        bemiddelen  bemiddelen  VERB   obl           2   VerbForm=Inf
        tussen      tussen      ADP    case          8
        Rusland     Rusland     PROPN  nmod          6
        en          en          CCONJ  cc            10
        Oekraïne    Oekraïne    PROPN  conj          8
        .           .           PUNCT  punct         2
    """, ents=((0, 1, "LOC"), (7, 8, "LOC"), (9, 10, "LOC")))
    assert {("TUR", "039", "RUS"), ("TUR", "039", "UKR")} <= _dyads(events)


def test_the_particle_may_be_the_first_preposition_of_the_te_clause(coded) -> None:
    # "riep ... op": the parser pulled the one called on into the clause and read "op" as its
    # first preposition
    events = coded("""
        Duitsland  Duitsland  PROPN  nsubj         2
        riep       roepen     VERB   root          0   VerbForm=Fin
        Rusland    Rusland    PROPN  obj           9
        op         op         ADP    case          6
        de         de         DET    det           6
        troepen    troep      NOUN   obl           9
        terug      terug      ADV    compound:prt  9
        te         te         ADP    mark          9
        trekken    trekken    VERB   advcl         2   VerbForm=Inf
        .          .          PUNCT  punct         2
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    # the appeal, with the finer code of what it asks for: a withdrawal (0256)
    assert ("DEU", "0256", "RUS") in _dyads(events)


def test_a_preposition_after_the_te_infinitive_is_no_particle_of_the_verb_above(coded) -> None:
    # "aan Iran" follows "te leggen": "overweegt" stays "overwegen", and what it weighs is no act yet
    events = coded("""
        De         de         DET    det           2
        EU         EU         PROPN  nsubj         3
        overweegt  overwegen  VERB   root          0   VerbForm=Fin
        sancties   sanctie    NOUN   obj           7
        op         op         ADP    compound:prt  7
        te         te         ADP    mark          7
        leggen     leggen     VERB   xcomp         3   VerbForm=Inf
        aan        aan        ADP    case          9
        Iran       Iran       PROPN  obl           7
        .          .          PUNCT  punct         3
    """, ents=((1, 2, "ORG"), (8, 9, "LOC")))
    assert {e.status for e in events if e.cameo == "163"} == {"hypothetical"}


def test_of_the_prepositions_before_a_te_clause_the_first_is_the_particle(coded) -> None:
    # "riep ... op [de steun aan Kiev voort te zetten]": "op" closes the middle field, "aan" belongs
    # to the clause although the parser hung its phrase on the infinitive
    events = coded("""
        Frankrijk  Frankrijk  PROPN  nsubj         2
        riep       roepen     VERB   root          0   VerbForm=Fin
        Duitsland  Duitsland  PROPN  obj           2
        op         op         ADP    case          6
        de         de         DET    det           6
        steun      steun      NOUN   obl           2
        aan        aan        ADP    case          8
        Kiev       Kiev       PROPN  obl           11
        voort      voort      ADV    compound:prt  11
        te         te         ADP    mark          11
        zetten     zetten     VERB   xcomp         2   VerbForm=Inf
        .          .          PUNCT  punct         2
    """, ents=((0, 1, "LOC"), (2, 3, "LOC"), (7, 8, "LOC")))
    assert ("FRA", "020", "DEU") in _dyads(events)


def test_a_noun_tagged_as_a_verb_does_not_end_the_object_of_a_te_infinitive(coded) -> None:
    # "stelt voor [de tegoeden van ... oligarchen/VERB] te bevriezen": the object the parser hung on
    # the verb above is read back to that verb, past a noun mistagged as a verb
    events = coded("""
        Frankrijk   Frankrijk   PROPN  nsubj   2
        stelt       stellen     VERB   root    0   VerbForm=Fin
        voor        voor        ADP    case    5
        de          de          DET    det     5
        tegoeden    tegoed      NOUN   obl:arg 2
        van         van         ADP    case    8
        Russische   Russisch    ADJ    amod    8
        oligarchen  oligarchen  VERB   nmod    5   VerbForm=Part
        te          te          ADP    mark    10
        bevriezen   bevriezen   VERB   ccomp   2   VerbForm=Inf
        .           .           PUNCT  punct   2
    """, ents=((0, 1, "LOC"),))
    assert {(e.cameo, e.status) for e in events} >= {("1711", "hypothetical")}


def _statuses(events) -> set[tuple[str, str]]:
    return {(e.cameo, e.status) for e in events}


def test_gaan_heading_its_clause_with_an_infinitive_makes_the_act_future(coded) -> None:
    events = coded("""
        Israël       Israël       PROPN  nsubj  2
        gaat         gaan         VERB   root   0   VerbForm=Fin
        de           de           DET    det    4
        Gazastrook   Gazastrook   PROPN  obj    5
        bombarderen  bombarderen  VERB   xcomp  2   VerbForm=Inf
        .            .            PUNCT  punct  2
    """, ents=((0, 1, "LOC"), (3, 4, "LOC")))
    assert ("195", "hypothetical") in _statuses(events) and ("195", "asserted") not in _statuses(events)
    assert ("1384", "asserted") in _statuses(events)  # announcing an attack is a threat


def test_willen_heading_its_clause_makes_the_act_hypothetical(coded) -> None:
    events = coded("""
        Israël       Israël       PROPN  nsubj  2
        wil          willen       VERB   root   0   VerbForm=Fin
        de           de           DET    det    4
        Gazastrook   Gazastrook   PROPN  obj    5
        bombarderen  bombarderen  VERB   xcomp  2   VerbForm=Inf
        .            .            PUNCT  punct  2
    """, ents=((0, 1, "LOC"), (3, 4, "LOC")))
    # the act is hypothetical; wanting it is a threat of attack, asserted (CAMEO's statement convention)
    assert _statuses(events) == {("195", "hypothetical"), ("1384", "asserted")}


def test_moeten_as_an_auxiliary_makes_the_act_hypothetical(coded) -> None:
    events = coded("""
        Israël       Israël       PROPN  nsubj  4
        moet         moeten       AUX    aux    4   VerbForm=Fin
        Gaza         Gaza         PROPN  obj    4
        bombarderen  bombarderen  VERB   root   0   VerbForm=Inf
        .            .            PUNCT  punct  4
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    assert _statuses(events) == {("195", "hypothetical")}


def test_blijken_heading_its_clause_leaves_the_act_asserted(coded) -> None:
    # "blijkt ... te hebben gebombardeerd": evidence, not modality
    events = coded("""
        Israël         Israël       PROPN  nsubj  2
        blijkt         blijken      VERB   root   0   VerbForm=Fin
        Gaza           Gaza         PROPN  obj    6
        te             te           ADP    mark   6
        hebben         hebben       AUX    aux    6   VerbForm=Inf
        gebombardeerd  bombarderen  VERB   xcomp  2   VerbForm=Part
        .              .            PUNCT  punct  2
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    assert ("195", "asserted") in _statuses(events)


def test_a_request_for_weapons_is_a_prepositional_object_with_om(coded) -> None:
    # "vragen om": the scheme makes "om" the case of the thing asked for (obl:arg)
    events = coded("""
        Oekraïne   Oekraïne   PROPN  nsubj    2
        vroeg      vragen     VERB   root     0   VerbForm=Fin
        Polen      Polen      PROPN  obj      2
        om         om         ADP    case     5
        munitie    munitie    NOUN   obl:arg  2
        .          .          PUNCT  punct    2
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    assert {(e.evidence["rule"], e.target.code) for e in events} == {("nl:vragen-om-wapens", "POL")}


def test_a_te_infinitive_left_without_the_verb_it_depends_on_is_not_asserted(coded) -> None:
    # the appeal "riep ... op" lost in the parse: whether the release happened is unknown
    events = coded("""
        Duitsland    Duitsland   PROPN  nsubj         8
        riep         roepen      NOUN   obj           8
        Rusland      Rusland     PROPN  obj           8
        op           op          ADP    case          5
        journalisten journalist  NOUN   obl           8
        vrij         vrij        ADJ    compound:prt  8
        te           te          ADP    mark          8
        laten        laten       VERB   root          0   VerbForm=Inf
        .            .           PUNCT  punct         8
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    assert _statuses(events) == {("0841", "hypothetical")}


def test_the_one_made_to_undergo_a_causative_act_is_the_object_of_laten(coded) -> None:
    # UD Dutch hangs the causee on "laten" as its object, the infinitive as its xcomp
    events = coded("""
        Rusland       Rusland      PROPN  nsubj  2
        liet          laten        VERB   root   0   VerbForm=Fin
        de            de           DET    det    5
        Oekraïense    Oekraïens    ADJ    amod   5
        journalisten  journalist   NOUN   obj    2
        arresteren    arresteren   VERB   xcomp  2   VerbForm=Inf
        .             .            PUNCT  punct  2
    """, ents=((0, 1, "LOC"),))
    assert ("RUS", "173", "UKRMED") in _dyads(events)


def test_a_particle_read_as_the_first_of_two_prepositions_is_the_verbs(coded) -> None:
    # a phrase opens with one preposition: "op voor gesprekken" puts the particle of "opvoeren"
    # before the phrase it closes the middle field on
    events = coded("""
        China      China      PROPN  nsubj  2
        voerde     voeren     VERB   root   0   VerbForm=Fin
        de         de         DET    det    4
        druk       druk       NOUN   obj    2
        op         op         ADP    case   7
        voor       voor       ADP    case   7
        gesprekken gesprek    NOUN   nmod   4
        met        met        ADP    case   9
        Japan      Japan      PROPN  nmod   7
        .          .          PUNCT  punct  2
    """, ents=((0, 1, "LOC"), (8, 9, "LOC")))
    assert ("CHN", "100", "JPN") in _dyads(events)


def test_the_phrase_after_a_stacked_particle_keeps_its_own_preposition(coded) -> None:
    # "drong aan op overleg": "op" is the phrase's preposition, "aan" the particle of "aandringen"
    events = coded("""
        Frankrijk  Frankrijk  PROPN  nsubj  2
        drong      dringen    VERB   root   0   VerbForm=Fin
        aan        aan        ADP    case   5
        op         op         ADP    case   5
        overleg    overleg    NOUN   obl    2
        met        met        ADP    case   7
        Rusland    Rusland    PROPN  nmod   5
        .          .          PUNCT  punct  2
    """, ents=((0, 1, "LOC"), (6, 7, "LOC")))
    assert _dyads(events) == {("FRA", "026", "RUS")}


def test_a_particle_read_as_a_marker_before_om_te_is_the_verbs(coded) -> None:
    events = coded("""
        Turkije     Turkije     PROPN  nsubj  2
        bood        bieden      VERB   root   0   VerbForm=Fin
        aan         aan         ADP    mark   6
        om          om          ADP    mark   6
        te          te          ADP    mark   6
        bemiddelen  bemiddelen  VERB   xcomp  2   VerbForm=Inf
        tussen      tussen      ADP    case   8
        Armenië     Armenië     PROPN  obl    6
        en          en          CCONJ  cc     10
        Azerbeidzjan Azerbeidzjan PROPN conj  8
        .           .           PUNCT  punct  2
    """, ents=((0, 1, "LOC"), (7, 8, "LOC"), (9, 10, "LOC")))
    assert {("TUR", "039", "ARM"), ("TUR", "039", "AZE")} <= _dyads(events)


def test_om_opening_a_te_clause_is_no_particle(tree) -> None:
    from kroniek.events import clause
    from kroniek.events.patterns import load_patterns

    doc = tree("""
        Turkije     Turkije     PROPN  nsubj  2
        dreigde     dreigen     VERB   root   0   VerbForm=Fin
        om          om          ADP    mark   5
        te          te          ADP    mark   5
        vertrekken  vertrekken  VERB   xcomp  2   VerbForm=Inf
        .           .           PUNCT  punct  2
    """)
    assert clause.particle(doc[1], load_patterns("nl").grammar) is None


def test_an_adjective_particle_labelled_as_an_adverb_is_the_verbs(coded) -> None:
    # "stond open voor": "openstaan", the adjective modifying nothing after it
    events = coded("""
        Armenië          Armenië          PROPN  nsubj   2
        stond            staan            VERB   root    0   VerbForm=Fin
        open             open             ADJ    advmod  2
        voor             voor             ADP    case    5
        onderhandelingen onderhandeling   NOUN   obl     2
        met              met              ADP    case    7
        Azerbeidzjan     Azerbeidzjan     PROPN  nmod    5
        .                .                PUNCT  punct   2
    """, ents=((0, 1, "LOC"), (6, 7, "LOC")))
    assert ("ARM", "036", "AZE") in _dyads(events)


def test_a_name_labelled_as_a_preposition_is_none(coded) -> None:
    # "Kolesnikova's/case partij/obl eist ...": the bare phrase before the verb is its subject
    events = coded("""
        Kolesnikova's  Kolesnikova's  PROPN  case   3
        Belarussische  Belarussisch   ADJ    amod   3
        partij         partij         NOUN   obl    4
        eist           eisen          VERB   root   0   VerbForm=Fin
        dat            dat            SCONJ  mark   10
        de             de             DET    det    7
        politie        politie        NOUN   nsubj  10
        de             de             DET    det    9
        betogers       betoger        NOUN   obj    10
        vrijlaat       vrijlaten      VERB   ccomp  4   VerbForm=Fin
        .              .              PUNCT  punct  4
    """)
    assert ("BLRPTY", "1053", "BLRCOP") in _dyads(events)


def test_a_bare_infinitive_after_a_preposition_heads_its_own_phrase(coded) -> None:
    # "naar eigen zeggen/VERB zware verliezen": the infinitive is a noun the preposition opens;
    # "zware verliezen" is the bare object
    events = coded("""
        Rusland    Rusland    PROPN  nsubj   8
        heeft      hebben     AUX    aux     8   VerbForm=Fin
        naar       naar       ADP    case    7
        eigen      eigen      ADJ    amod    5
        zeggen     zeggen     VERB   amod    7   VerbForm=Inf
        zware      zwaar      ADJ    amod    7
        verliezen  verlies    NOUN   obl     8
        toegebracht toebrengen VERB  root    0   VerbForm=Part
        aan        aan        ADP    case    12
        het        het        DET    det     12
        Oekraïense Oekraïens  ADJ    amod    12
        leger      leger      NOUN   obl     8
        .          .          PUNCT  punct   8
    """, ents=((0, 1, "LOC"),))
    assert ("RUS", "190", "UKRMIL") in _dyads(events)


def test_a_second_subject_after_the_finite_verb_is_its_object(coded) -> None:
    # a clause has one subject: with it before the finite verb, the phrase after that verb is the object
    events = coded("""
        Polen     Polen     PROPN  nsubj  2
        noemde    noemen    VERB   root   0   VerbForm=Fin
        Rusland   Rusland   PROPN  nsubj  2
        een       een       DET    det    5
        agressor  agressor  NOUN   obj    2
        .         .         PUNCT  punct  2
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    assert _dyads(events) == {("POL", "111", "RUS")}


def test_a_second_subject_before_a_later_object_is_the_object(coded) -> None:
    # "verklaarde de ambassadeur/nsubj tot persona non grata/obj": the first phrase of the middle field
    events = coded("""
        Oekraïne   Oekraïne   PROPN  nsubj  2
        verklaarde verklaren  VERB   root   0   VerbForm=Fin
        de         de         DET    det    5
        Russische  Russisch   ADJ    amod   5
        ambassadeur ambassadeur NOUN  nsubj  2
        tot        tot        ADP    case   7
        persona    persona    NOUN   nmod   9
        non        non        X      flat   7
        grata      grata      NOUN   obj    2
        .          .          PUNCT  punct  2
    """, ents=((0, 1, "LOC"),))
    assert _dyads(events) == {("UKR", "166", "RUSGOV")}


def test_the_one_ordered_labelled_as_the_participles_subject_under_its_auxiliary(coded) -> None:
    # "heeft/root de minister/nsubj opgedragen/ccomp": the subject before "heeft" orders, the minister
    # after it is ordered, and an order to one's own side is the act
    events = coded("""
        De          de          DET    det           3
        Turkse      Turks       ADJ    amod          3
        president   president   NOUN   nsubj         4
        heeft       hebben      VERB   root          0   VerbForm=Fin
        de          de          DET    det           6
        minister    minister    NOUN   nsubj         7
        opgedragen  opdragen    VERB   ccomp         4   VerbForm=Part
        om          om          ADP    mark          14
        de          de          DET    det           11
        Zweedse     Zweeds      ADJ    amod          11
        ambassadeur ambassadeur NOUN   obj           14
        uit         uit         ADP    compound:prt  14
        te          te          ADP    mark          14
        zetten      zetten      VERB   advcl         7   VerbForm=Inf
        .           .           PUNCT  punct         4
    """)
    assert ("TURGOV", "166", "SWEGOV") in _dyads(events)


_ASKING_UNDER_WILLEN = """
        ''          ''          PUNCT  punct         3
        {subj:<11} {lemma:<11} {pos:<6} nsubj         3
        wil         willen      VERB   root          0   VerbForm=Fin
        u           u           PRON   obj           5
        vragen      vragen      VERB   xcomp         3   VerbForm=Inf
        de          de          DET    det           7
        troepen     troep       NOUN   obj           10
        terug       terug       ADV    compound:prt  10
        te          te          ADP    mark          10
        trekken     trekken     VERB   xcomp         5   VerbForm=Inf
        ''          ''          PUNCT  punct         3
        ,           ,           PUNCT  punct         13
        zei         zeggen      VERB   parataxis     3   VerbForm=Fin
        de          de          DET    det           16
        Duitse      Duits       ADJ    amod          16
        minister    minister    NOUN   nsubj         13
        tegen       tegen       ADP    case          18
        Lavrov      Lavrov      PROPN  obl           13
        .           .           PUNCT  punct         3
"""


def test_a_speaker_who_says_he_wants_to_ask_asks(coded) -> None:
    # "Ik wil u vragen ...": the appeal is made by saying it (a performative), not a wish
    events = coded(_ASKING_UNDER_WILLEN.format(subj="Ik", lemma="ik", pos="PRON"), ents=((17, 18, "PER"),))
    assert ("DEUGOV", "0256", "RUSGOV") in _dyads(events)


def test_wanting_to_ask_in_the_third_person_stays_a_wish(coded) -> None:
    events = coded(_ASKING_UNDER_WILLEN.format(subj="Berlijn", lemma="Berlijn", pos="PROPN"),
                   ents=((1, 2, "LOC"), (17, 18, "PER")))
    assert {e.status for e in events if e.cameo == "020"} == {"hypothetical"}


def test_a_bare_infinitive_hung_on_an_adverb_belongs_to_the_causative_before_it(coded) -> None:
    # the infinitives of a verb cluster close the clause the finite verb opens: "liet ... zwijgen"
    events = coded("""
        Na         na         ADP    case    3
        het        het        DET    det     3
        bestand    bestand    NOUN   obl     6
        met        met        ADP    case    5
        Israël     Israël     PROPN  nmod    3
        liet       laten      VERB   root    0   VerbForm=Fin
        Hamas      Hamas      PROPN  nsubj   6
        meteen     meteen     ADV    advmod  6
        de         de         DET    det     10
        wapens     wapen      NOUN   obj     11
        zwijgen    zwijgen    VERB   amod    8   VerbForm=Inf
        .          .          PUNCT  punct   6
    """, ents=((4, 5, "LOC"), (6, 7, "ORG")))
    assert ("PSEREBHMS", "087", "ISR") in _dyads(events)


def test_an_act_named_in_a_phrase_of_place_of_a_warning_verb_took_place(coded) -> None:
    # "In zijn gelukwens aan Macron zinspeelde Scholz op ...": the wish was sent; what is hinted at
    # is the "op" phrase, not the setting
    events = coded("""
        In          in          ADP    case       3
        zijn        zijn        PRON   nmod:poss  3
        gelukwens   gelukwens   NOUN   obl        6
        aan         aan         ADP    case       5
        Macron      Macron      PROPN  nmod       3
        zinspeelde  zinspelen   VERB   root       0   VerbForm=Fin
        Scholz      Scholz      PROPN  nsubj      6
        op          op          ADP    case       10
        nauwere     nauw        ADJ    amod       10
        samenwerking samenwerking NOUN obl:arg   6
        .           .           PUNCT  punct      6
    """, ents=((4, 5, "PER"), (6, 7, "PER")), date="2022-04-25")
    assert ("DEUGOV", "051", "FRAGOV") in _dyads(events)


def test_an_act_inside_a_phrase_of_place_of_a_warning_verb_stays_announced(coded) -> None:
    # "dreigde ... in geval van een aanval": the attack is no setting but a condition of the threat
    events = coded("""
        Rusland    Rusland    PROPN  nsubj    2
        dreigde    dreigen    VERB   root     0   VerbForm=Fin
        met        met        ADP    case     4
        vergelding vergelding NOUN   obl:arg  2
        in         in         ADP    case     6
        geval      geval      NOUN   obl      2
        van        van        ADP    case     9
        een        een        DET    det      9
        aanval     aanval     NOUN   nmod     6
        van        van        ADP    case     12
        de         de         DET    det      12
        NAVO       NAVO       PROPN  nmod     9
        op         op         ADP    case     14
        Rusland    Rusland    PROPN  nmod     9
        .          .          PUNCT  punct    2
    """, ents=((0, 1, "LOC"), (11, 12, "ORG"), (13, 14, "LOC")))
    attacks = [e for e in events if e.evidence["rule"] == "nl:aanval-noun"]
    assert attacks and {e.status for e in attacks} == {"hypothetical"}


def test_people_labelled_the_object_of_a_perfect_passive_are_its_target(coded) -> None:
    # read as active, the people right after the finite auxiliary would be taken for its subject
    events = coded("""
        In        in        ADP    case    2
        Tbilisi   Tbilisi   PROPN  obl     6
        zijn      zijn      AUX    aux     6   VerbForm=Fin
        veertig   veertig   NUM    nummod  5
        betogers  betoger   NOUN   obj     6
        opgepakt  oppakken  VERB   root    0   VerbForm=Part
        .         .         PUNCT  punct   6
    """, ents=((1, 2, "LOC"),))
    assert ("GEOCOP", "173", "GEOCVL") in _dyads(events)


def test_a_bare_name_hung_on_the_front_of_the_object_is_the_indirect_object(coded) -> None:
    # Dutch puts the indirect object right before the direct one: "bracht Syrië zware schade toe"
    # with the name hung on "schade"
    events = coded("""
        Turkije    Turkije    PROPN  nsubj         2
        bracht     brengen    VERB   root          0   VerbForm=Fin
        Syrië      Syrië      PROPN  nmod          5
        zware      zwaar      ADJ    amod          5
        schade     schade     NOUN   obj           2
        toe        toe        ADP    compound:prt  2
        .          .          PUNCT  punct         2
    """, ents=((0, 1, "LOC"), (2, 3, "LOC")))
    assert ("TUR", "190", "SYR") in _dyads(events)


def test_a_transitive_participle_under_zijn_alone_is_passive_whatever_its_subjects_label(coded) -> None:
    # transitive verbs form their active perfect with "hebben": "zijn ... gearresteerd" is the
    # perfect passive, the people its subject the ones arrested
    events = coded("""
        In             in            ADP    case    2
        Tbilisi        Tbilisi       PROPN  obl     7
        zijn           zijn          AUX    aux     7   VerbForm=Fin
        er             er            ADV    advmod  7
        tientallen     tientallen    NUM    nummod  6
        studenten      student       NOUN   nsubj   7
        gearresteerd   arresteren    VERB   root    0   VerbForm=Part
        .              .             PUNCT  punct   7
    """, ents=((1, 2, "LOC"),))
    assert _dyads(events) == {("GEOCOP", "173", "GEOEDU")}


def test_a_verb_of_motion_under_zijn_stays_active(coded) -> None:
    # "is ... afgereisd" is the active perfect: the minister travelled
    events = coded("""
        De            de            DET    det     3
        Duitse        Duits         ADJ    amod    3
        minister      minister      NOUN   nsubj   8
        is            zijn          AUX    aux     8   VerbForm=Fin
        gisteren      gisteren      ADV    advmod  8
        naar          naar          ADP    case    7
        Polen         Polen         PROPN  obl     8
        afgereisd     afreizen      VERB   root    0   VerbForm=Part
        .             .             PUNCT  punct   8
    """, ents=((6, 7, "LOC"),))
    assert _dyads(events) == {("DEUGOV", "042", "POL")}


def test_an_auxiliary_hung_on_the_subject_noun_is_the_verbs(coded) -> None:
    # a noun takes no auxiliary: "heeft" on the time noun read as the subject still makes the
    # participle an active perfect, its subject the one who decided
    events = coded("""
        Israël            Israël            PROPN  nsubj        4
        heeft             hebben            AUX    aux          4
        gisteren          gisteren          ADV    advmod       4
        maandagavond      maandagavond      NOUN   nsubj:pass   5
        besloten          besluiten         VERB   root         0   VerbForm=Part
        tot               tot               ADP    case         8
        een               een               DET    det          8
        staakt-het-vuren  staakt-het-vuren  NOUN   obl:arg      5
        met               met               ADP    case         10
        Hamas             Hamas             PROPN  nmod         8
        .                 .                 PUNCT  punct        5
    """, ents=((0, 1, "LOC"), (9, 10, "ORG")))
    assert _dyads(events) == {("ISR", "0871", "PSEREBHMS")}


def test_a_lowercase_word_tagged_as_a_name_is_a_verb_not_a_title_part(coded) -> None:
    # names are capitalised: "prees" tagged as a proper noun between a country and a name joins
    # no title to the name, and with a subject it is the clause's verb
    events = coded("""
        De           de           DET    det        2
        premier      premier      NOUN   nsubj      5
        van          van          ADP    case       4
        Slowakije    Slowakije    PROPN  nmod       2
        prees        prees        PROPN  root       0
        Orban        Orban        PROPN  nsubj      5
        om           om           ADP    case       9
        zijn         zijn         PRON   nmod:poss  9
        moed         moed         NOUN   obl:arg    5
        .            .            PUNCT  punct      5
    """, ents=((3, 4, "LOC"), (5, 6, "PER")))
    assert _dyads(events) == {("SVKGOV", "051", "HUNGOV")}


def test_the_object_before_a_clause_final_verb_and_no_conjunct_without_a_conjunction(coded) -> None:
    # a parse that coordinates the object with the subject although no "en" or comma joins them: the
    # words before the verb that ends its clause are its object
    events = coded("""
        De          de           DET    det     2
        ruil        ruil         NOUN   nsubj   3
        kwam        komen        VERB   root    0   VerbForm=Fin
        nadat       nadat        SCONJ  mark    9
        Israël      Israël       PROPN  nsubj   9
        90          90           NUM    nummod  8
        Palestijnse Palestijns   ADJ    amod    8
        gevangenen  gevangene    VERB   conj    5
        vrijliet    vrijlaten    VERB   advcl   3   VerbForm=Fin
        .           .            PUNCT  punct   3
    """, ents=((4, 5, "LOC"),))
    assert ("ISR", "0841", "PSECVL") in _dyads(events)
    assert not {d for d in _dyads(events) if d[0] == "PSECVL"}
