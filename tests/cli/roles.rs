//! `roles` and `sources`: what the dataset covers.

use crate::support::{run, schema};

#[test]
fn roles_json_lists_every_role_with_its_soc_code_and_levels() {
    let (stdout, _) = run(&["roles", "--json"], 0);
    let roles: Vec<schema::RoleEntry> = serde_json::from_str(&stdout).expect("an array of roles");
    assert!(roles.len() >= 50, "{} roles", roles.len());
    let families: std::collections::BTreeSet<&str> =
        roles.iter().map(|r| r.family.as_str()).collect();
    assert!(families.len() >= 14, "{} families", families.len());
    for role in &roles {
        assert_eq!(role.soc_code.len(), 10, "{}: {}", role.id, role.soc_code);
        assert_eq!(
            role.levels,
            ["junior", "mid", "senior", "lead"],
            "{}",
            role.id
        );
        assert!(!role.title.is_empty());
    }
    let backend = roles
        .iter()
        .find(|r| r.id == "backend-developer")
        .expect("backend is listed");
    assert!(backend.aliases.iter().any(|a| a == "backend"));
}

#[test]
fn roles_are_grouped_by_family_with_a_heading_each() {
    let (stdout, _) = run(&["roles"], 0);
    let software = stdout
        .find("Software and IT (software)")
        .expect("software heading");
    let health = stdout.find("Healthcare (health)").expect("health heading");
    let nurse = stdout.find("registered-nurse").expect("nurse listed");
    assert!(
        software < health && health < nurse,
        "the nurse sits under Healthcare"
    );
}

#[test]
fn roles_filter_by_query_and_family() {
    let (stdout, _) = run(&["roles", "web developer", "--json"], 0);
    let roles: Vec<schema::RoleEntry> = serde_json::from_str(&stdout).expect("array");
    assert_eq!(
        (roles[0].id.as_str(), roles[0].tier.as_str()),
        ("frontend-developer", "curated"),
        "the exact name comes first"
    );
    let (stdout, _) = run(&["roles", "teacher", "--json"], 0);
    let roles: Vec<schema::RoleEntry> = serde_json::from_str(&stdout).expect("array");
    assert!(
        roles.iter().any(|r| r.tier == "curated") && roles.iter().any(|r| r.tier == "reference"),
        "curated roles and published occupations are searched together"
    );

    let (stdout, _) = run(&["roles", "--family", "Legal", "--json"], 0);
    let roles: Vec<schema::RoleEntry> = serde_json::from_str(&stdout).expect("array");
    let ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["lawyer", "paralegal"]);
}

#[test]
fn an_unknown_family_is_a_usage_error_listing_the_families() {
    let (_, stderr) = run(&["roles", "--family", "astronauts"], 2);
    assert!(stderr.contains("unknown family `astronauts`"), "{stderr}");
    assert!(stderr.contains("software"), "{stderr}");
}

#[test]
fn a_query_with_no_match_says_so_on_stderr() {
    let (stdout, stderr) = run(&["roles", "zzzz-nothing"], 0);
    assert!(stdout.is_empty());
    assert!(stderr.contains("No role or occupation matches"), "{stderr}");
}

#[test]
fn sources_list_title_year_and_use() {
    let (stdout, _) = run(&["sources"], 0);
    assert!(stdout.contains("eloundou-2023 (2023)"));
    assert!(stdout.contains("GPTs are GPTs"));
    assert!(stdout.contains("Used for:"));
    let (json, _) = run(&["sources", "--json"], 0);
    let sources: Vec<serde_json::Value> = serde_json::from_str(&json).expect("array");
    assert!(sources.iter().all(|s| {
        s["year"]
            .as_u64()
            .is_some_and(|y| (1900..=2100).contains(&y))
    }));
}

#[test]
fn the_roles_listing_fits_the_width_and_is_stable() {
    let (stdout, _) = run(&["roles", "--family", "legal"], 0);
    insta::assert_snapshot!("roles_legal", stdout);
    let (all, _) = run(&["roles"], 0);
    assert!(
        all.lines().all(|l| l.chars().count() <= 100),
        "every line fits COLUMNS=100"
    );
}
