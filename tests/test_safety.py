"""Crisis language: what must put crisis resources first, and everyday speech that must not."""
import pytest

from recommender.safety import discredited_warnings, suggests_crisis

MUST_TRIGGER = [
    "I want to kill myself",
    "i wanna kms",
    "I've been thinking about suicide",
    "been feeling sucidal lately",
    "I feel suicidle most nights",
    "honestly I don't want to be here anymore",
    "i dont want to live anymore",
    "I wish I could go to sleep and not wake up",
    "everyone would be better off without me",
    "I just want to end it all",
    "I'm going to end my life",
    "I keep cutting myself when it gets bad",
    "I hurt myself on purpose sometimes",
    "I've started self harming again",
    "I took an overdose last year and I'm thinking about it again",
    "there's no reason to live",
    "I can't go on like this",
    "I've been researching how many pills it would take",
    "I've been giving my things away",
    "I wrote a goodbye letter",
    "I've thought about jumping off the bridge near my work",
    "I'm not safe with myself tonight",
    "my daughter wrote that she wants to die",
    "my son said he's going to kill himself",
    "I found out she has been cutting",
    "he keeps talking about suicide",
    "I'm scared of what I might do to him",
    "I could kill him when he does that, I'm so angry I'm afraid I'll hurt him",
    "my husband chokes me and threatens to kill me",
    "my life is not worth living",
]

MUST_NOT_TRIGGER = [
    "this job is killing me",
    "I'm dying to get some sleep",
    "I could just die of embarrassment",
    "we had a killer fight about money",
    "I'm dead tired every evening",
    "I've been cutting back on coffee",
    "she started cutting her hair short",
    "my commute is murder",
    "I killed it at my presentation but still feel anxious",
    "we watched Suicide Squad and argued about it",
    "my grandmother died last spring and I miss her",
    "I'm not suicidal, just really stressed",
    "no thoughts of self-harm, just low",
    "I want to stop fighting with my partner",
    "I want to end the relationship but I'm scared",
    "we keep ending up in the same argument",
    "I hate my job",
    "I'm sick of feeling anxious",
    "the kids are driving me crazy",
    "my heart races and I feel like I can't breathe",
    "I'm afraid of dying on a plane",
    "he shuts down and I want to scream",
    "I want to kill time until the appointment",
    "my boss would kill me if I missed the deadline",
    "I'm trying to cut down on drinking",
    "I feel like I'm drowning in work",
    "I can't stand my in-laws",
    "our son gets so angry he throws things",
    "I did a suicide prevention training course at work",
    "I lost my job and feel lost",
]


def test_holding_therapy_names_warn_and_attachment_based_therapy_does_not():
    for text in ["holding therapy", "Attachment Therapy", "rebirthing", "compression holding", "rage reduction therapy"]:
        assert discredited_warnings(text), text
    for text in ["attachment-based therapy", "attachment based therapy", "attachment-focused therapy",
                 "attachment based family therapy", "my attachment style"]:
        assert not discredited_warnings(text), text


FRENCH_TRIGGER = ["je veux mourir", "j'ai envie d'en finir", "je pense à mettre fin à mes jours", "je me scarifie le soir",
                  "ma fille dit qu'elle veut mourir", "tout le monde serait mieux sans moi", "je suis suicidaire",
                  "j'ai cherché combien de comprimés il faudrait"]
FRENCH_CALM = ["ce travail me tue", "je suis mort de fatigue", "je veux en finir avec cette dispute",
               "je ne suis pas suicidaire, juste épuisée", "mon grand-père est mort l'an dernier",
               "il se coupe les cheveux tout seul", "je me coupe du monde depuis des mois"]


@pytest.mark.parametrize("text", MUST_TRIGGER + FRENCH_TRIGGER)
def test_words_that_suggest_risk_trigger_crisis_resources(text):
    assert suggests_crisis(text)


@pytest.mark.parametrize("text", MUST_NOT_TRIGGER + FRENCH_CALM)
def test_everyday_speech_does_not_trigger_a_false_alarm(text):
    assert not suggests_crisis(text)
