//! Kinds of task and kinds of strategy, so a room of people in different roles can be
//! summarised together: a nurse's "Write up shift notes" and a clerk's "Draft letters" are
//! both writing, though no two people share a task.
//!
//! A task's kind comes from the first word of its title that names an activity (its verb,
//! or for verbs like "run" or "keep", the thing done: "Run payroll" is records); a
//! strategy's from the words of its id, then its title. The tables are ours and cover about
//! nine in ten bundled tasks and strategies; the rest are "Other".

use std::collections::HashMap;
use std::sync::OnceLock;

/// A kind of task, in the order the summary explains them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaskKind {
    Writing,
    Records,
    Analysis,
    Planning,
    People,
    Teaching,
    Leading,
    Building,
    HandsOn,
    Other,
}

impl TaskKind {
    pub fn label(self) -> &'static str {
        match self {
            TaskKind::Writing => "Writing and documents",
            TaskKind::Records => "Records, data entry and admin",
            TaskKind::Analysis => "Checking, analysis and research",
            TaskKind::Planning => "Planning and coordination",
            TaskKind::People => "Talking with customers, patients and the public",
            TaskKind::Teaching => "Teaching, training and coaching",
            TaskKind::Leading => "Leading and managing people",
            TaskKind::Building => "Designing and building",
            TaskKind::HandsOn => "Hands-on and physical work",
            TaskKind::Other => "Other tasks",
        }
    }
}

const TASK_WORDS: &[(TaskKind, &str)] = &[
    (
        TaskKind::Writing,
        "write draft document edit copy-edit proofread translate summarise transcribe caption \
         subtitle localise post-edit rewrite revise report chart abstract compile script \
         cite-check fact-check notes documentation reports letters emails email minutes content \
         copy articles proposals specifications documents manuals briefs posts captions \
         synthesise statements policies",
    ),
    (
        TaskKind::Records,
        "record records log logs enter key type file files filing process invoice invoices bill \
         bills book bookings reservations rebook reschedule order orders requisition count track \
         scan label cash payroll paperwork forms fill complete submit post accounts bookkeeping \
         data entries entry claims receipts inventory payment payments supplies databases \
         returns tabs capture account closings",
    ),
    (
        TaskKind::Analysis,
        "analyse analyze check review assess evaluate inspect examine test audit verify validate \
         investigate research study estimate forecast calculate calculations measure monitor \
         watch observe spot notice triage diagnose screen find look read search compare \
         reconcile interpret map model cost price trace probe query troubleshoot debug identify \
         gather threat-model pressure-test quality results solve digest",
    ),
    (
        TaskKind::Planning,
        "plan schedule coordinate arrange organise organize assign prioritise define scope \
         dispatch route budget budgets rota roster timetable logistics diary event events \
         strategy campaigns chase expedite improve",
    ),
    (
        TaskKind::People,
        "answer respond advise advice explain talk greet interview meet meetings negotiate sell \
         pitch present consult counsel reassure comfort listen call calls phone tell remind \
         brief communicate represent market promote win visit show guide help support resolve \
         deal agree escalate refer elicit clarify confer warn announce enforce customers \
         customer clients client patients patient callers guests public families parents \
         residents queries complaints enquiries questions visitors stakeholders sales feedback \
         escalations incidents grievances",
    ),
    (
        TaskKind::Teaching,
        "train teach coach mentor precept onboard orient grade mark instruct lessons lesson \
         classes students pupils learners training groups",
    ),
    (
        TaskKind::Leading,
        "lead supervise manage direct oversee hire recruit approve decide govern staff team \
         teams crew shifts discipline culture staffing",
    ),
    (
        TaskKind::Building,
        "design build develop create produce make code program wireframe draw configure \
         integrate art-direct photograph shoot film compose specify software features apps \
         systems designs dashboards monitoring storage backups prototypes production platform architecture",
    ),
    (
        TaskKind::HandsOn,
        "clean drive repair install maintain load unload assemble wash mix cut lay dig weld wire \
         cook portion plant mow prune weed water carry lift move pack stock restock pick sweep \
         dust mop scrub fix patch seal strip sharpen erect brace attach fit ride tow \
         dump patrol escort arrest treat dress sterilise sanitise compound tend shape lubricate refill locate \
         colour shampoo numb first-assist immobilise walk turn put position spread roll pull \
         serve apply frame flash polish sort give food meals equipment vehicles machines tools \
         site rooms beds wounds medication drugs teeth tables conduit cable wiring rescues \
         materials parcels walls building maintenance procedures ingredients lobby",
    ),
];

const STRATEGY_WORDS: &[(StrategyKind, &str)] = &[
    (
        StrategyKind::UseAi,
        "automate automation let use hand draft tools tool bot bots assistant assistants \
         software copilot agents prototype ai",
    ),
    (
        StrategyKind::CheckAi,
        "check verify audit review govern guard protect measure validate test quality accuracy \
         rules secure policy",
    ),
    (
        StrategyKind::OwnJudgment,
        "own become specialise specialize be handle niche expert specialist exceptions hard \
         complex judgment difficult cases",
    ),
    (
        StrategyKind::Move,
        "move step go aim trade spend shift toward towards transition pivot bid widen \
         ownership partnership",
    ),
    (
        StrategyKind::Lead,
        "lead train coach mentor teach run rebuild reshape redesign hire supervise manage \
         facilitate precepting trainees students",
    ),
    (
        StrategyKind::Credentials,
        "get certify certified certificate certification certifications licence license \
         licensed licences licensure qualify qualified degree residency card earn",
    ),
    (
        StrategyKind::Learn,
        "learn master know deepen practise practice study grow develop strengthen stay skill \
         skills add",
    ),
    (
        StrategyKind::Relationships,
        "build network relationships clients customers patients trust partner portfolio \
         record",
    ),
];

/// A kind of strategy, for the strategies that fit the most people across roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StrategyKind {
    UseAi,
    CheckAi,
    OwnJudgment,
    Move,
    Lead,
    Credentials,
    Learn,
    Relationships,
    Other,
}

impl StrategyKind {
    pub fn label(self) -> &'static str {
        match self {
            StrategyKind::UseAi => "Hand the routine parts to AI tools",
            StrategyKind::CheckAi => "Check, measure and govern what AI produces",
            StrategyKind::OwnJudgment => "Own the hard cases and judgment calls",
            StrategyKind::Move => "Move time towards less exposed work",
            StrategyKind::Lead => "Lead, train and coach others",
            StrategyKind::Credentials => "Get certified or licensed",
            StrategyKind::Learn => "Learn skills that hold their value",
            StrategyKind::Relationships => "Build relationships and a record of your work",
            StrategyKind::Other => "Other strategies",
        }
    }
}

/// Lowercase words of a title or id, split on anything but letters and hyphens inside words.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// A word table as a map, built once: a room of 100,000 looks words up millions of times.
fn index<K: Copy>(table: &'static [(K, &'static str)]) -> HashMap<&'static str, K> {
    let mut map = HashMap::new();
    for (kind, list) in table {
        for word in list.split_whitespace() {
            map.entry(word).or_insert(*kind);
        }
    }
    map
}

/// The word's kind, or its singular's ("reports" is "report").
fn lookup<K: Copy>(map: &HashMap<&'static str, K>, word: &str) -> Option<K> {
    map.get(word)
        .or_else(|| {
            word.strip_suffix('s')
                .and_then(|singular| map.get(singular))
        })
        .copied()
}

/// Words that decide only when nothing else in the title says more: "Clean kitchens" is
/// hands-on, "Clean data and reconcile figures" is analysis; "Build the kitchen rota" is
/// planning.
const WEAK_TASK_WORDS: &[&str] = &[
    "clean",
    "maintain",
    "shape",
    "frame",
    "patch",
    "fix",
    "turn",
    "walk",
    "roll",
    "sort",
    "put",
    "apply",
    "install",
    "serve",
    "give",
    "move",
    "equipment",
    "procedures",
    "build",
];

/// What is written when the writing is software: "Write automated tests" is building, not
/// documents, so a room of developers is not told it mostly writes.
const SOFTWARE_OBJECTS: &[&str] = &["code", "tests", "queries", "migrations", "infrastructure"];

/// The kind of a task, from its title.
pub fn task_kind(title: &str) -> TaskKind {
    static MAP: OnceLock<HashMap<&'static str, TaskKind>> = OnceLock::new();
    let map = MAP.get_or_init(|| index(TASK_WORDS));
    let mut fallback = None;
    let kind = words(title)
        .find_map(|word| {
            let kind = lookup(map, &word)?;
            if WEAK_TASK_WORDS.contains(&word.as_str()) {
                fallback.get_or_insert(kind);
                return None;
            }
            Some(kind)
        })
        .or(fallback)
        .unwrap_or(TaskKind::Other);
    let software = || words(title).any(|word| SOFTWARE_OBJECTS.contains(&word.as_str()));
    if kind == TaskKind::Writing && software() {
        TaskKind::Building
    } else {
        kind
    }
}

/// The kind of a strategy, from its id's words and then its title's.
pub fn strategy_kind(id: &str, title: &str) -> StrategyKind {
    static MAP: OnceLock<HashMap<&'static str, StrategyKind>> = OnceLock::new();
    let map = MAP.get_or_init(|| index(STRATEGY_WORDS));
    id.split('-')
        .map(str::to_owned)
        .chain(words(title))
        .find_map(|word| lookup(map, &word))
        .unwrap_or(StrategyKind::Other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Store;

    #[test]
    fn tasks_are_told_apart_by_what_they_ask_for() {
        assert_eq!(task_kind("Write up shift notes"), TaskKind::Writing);
        assert_eq!(task_kind("Run payroll"), TaskKind::Records);
        assert_eq!(task_kind("Answer customer questions"), TaskKind::People);
        assert_eq!(task_kind("Repair brakes"), TaskKind::HandsOn);
        assert_eq!(task_kind("Perform routine maintenance"), TaskKind::HandsOn);
        assert_eq!(task_kind("Write production code"), TaskKind::Building);
        assert_eq!(task_kind("Build the kitchen rota"), TaskKind::Planning);
        assert_eq!(task_kind("Build rigs"), TaskKind::Building);
        assert_eq!(
            task_kind("Keep shift records and write production reports"),
            TaskKind::Records
        );
        assert_eq!(
            task_kind("Perform audit procedures and test controls"),
            TaskKind::Analysis
        );
        assert_eq!(
            task_kind("Run services in production and respond to incidents"),
            TaskKind::Building
        );
        assert_eq!(
            strategy_kind("let-assistants-draft", "Let assistants draft reports"),
            StrategyKind::UseAi
        );
    }

    /// A room of office workers told it spends its week on hands-on work would stop trusting
    /// the summary: in desk families only the few truly physical tasks (swapping hardware,
    /// sorting the mail) may count as hands-on.
    #[test]
    fn desk_jobs_are_hardly_ever_counted_as_hands_on_work() {
        let dataset = Store::bundled().to_dataset().expect("decodes");
        let desk_families = [
            "software",
            "data",
            "finance",
            "legal",
            "business",
            "office-admin",
        ];
        let tasks: Vec<&str> = dataset
            .roles
            .iter()
            .filter(|role| desk_families.contains(&role.family.id.as_str()))
            .flat_map(|role| role.tasks.iter().map(|task| task.title.as_str()))
            .collect();
        let hands_on: Vec<&str> = tasks
            .iter()
            .copied()
            .filter(|title| task_kind(title) == TaskKind::HandsOn)
            .collect();
        assert!(hands_on.len() * 50 < tasks.len(), "{hands_on:?}");
        for title in [
            "Clean data and reconcile figures across sources",
            "Maintain files, records and contact lists",
            "Put models into production and monitor them",
            "Set credit policies, limits and procedures with management",
        ] {
            assert_ne!(task_kind(title), TaskKind::HandsOn, "{title}");
        }
    }

    #[test]
    fn nine_in_ten_bundled_tasks_and_strategies_have_a_kind() {
        let dataset = Store::bundled().to_dataset().expect("decodes");
        let tasks: Vec<TaskKind> = dataset
            .roles
            .iter()
            .flat_map(|r| r.tasks.iter().map(|t| task_kind(&t.title)))
            .collect();
        let other = tasks.iter().filter(|k| **k == TaskKind::Other).count();
        assert!(other * 10 < tasks.len(), "{other} of {} tasks", tasks.len());
        let strategies: Vec<StrategyKind> = dataset
            .roles
            .iter()
            .flat_map(|r| r.strategies.iter().map(|s| strategy_kind(&s.id, &s.title)))
            .collect();
        let other = strategies
            .iter()
            .filter(|k| **k == StrategyKind::Other)
            .count();
        assert!(
            other * 10 < strategies.len(),
            "{other} of {} strategies",
            strategies.len()
        );
    }
}
