"""The persuasion techniques framing names, as in SemEval-2023 Task 3.

One table, the single truth for the lexicon validator (a ``persuasion``
entry's category must be one of these, or ``distractor``), the extractor and the tests. Names
and one-line definitions follow the task's annotation guidelines (Piskorski
et al. 2023, "SemEval-2023 Task 3: Detecting the Category, the Framing, and
the Persuasion Techniques in Online News in a Multi-lingual Setup"; the
earlier scheme of Da San Martino et al. 2019, "Fine-Grained Analysis of
Propaganda in News Articles", and 2020, SemEval-2020 Task 11).
"""
from __future__ import annotations

TECHNIQUES: dict[str, str] = {
    "Loaded_Language": "words and phrases with strong emotional implications, to sway the audience",
    "Name_Calling-Labeling": "a label for the object of the campaign that the audience fears, hates or loves",
    "Doubt": "questioning the credibility of someone or something",
    "Exaggeration-Minimisation": "representing something as much better, worse, larger or smaller than it is",
    "Appeal_to_Fear-Prejudice": "seeking support by instilling anxiety or panic about an alternative",
    "Flag_Waving": "justifying an idea by appeal to a group's pride or identity (nation, party, faith)",
    "Repetition": "repeating the same word or phrase so that the audience accepts it",
    "Slogans": "a brief and striking phrase, often a call to act or a label turned into a motto",
    "Conversation_Killer": "words that discourage critical thought and discussion (thought-terminating cliches)",
    "Appeal_to_Authority": "a claim taken as true because an authority or expert said it",
    "Questioning_the_Reputation": "attacking the character or moral standing of a person or group",
    "Causal_Oversimplification": "one cause given for an outcome that has many",
    "False_Dilemma-No_Choice": "two options presented as the only ones, or one as the only way",
    "Whataboutism": "discrediting a position by pointing to the opponent's other conduct",
    "Appeal_to_Hypocrisy": "attacking a position by charging its holder with hypocrisy or inconsistency",
    "Guilt_by_Association": "attacking by association with a group or figure the audience condemns",
    "Appeal_to_Popularity": "a claim taken as true, or an action as right, because most people agree or do it (bandwagon)",
    "Appeal_to_Values": "an idea linked to values the audience holds dear (tradition, religion, freedom, democracy, family)",
    "Appeal_to_Time": "the claim that the time to act is now or never, or that a deadline leaves no choice (kairos)",
    "Consequential_Oversimplification": "a first step said to lead, step by step, to an outcome to avoid (slippery slope)",
}
