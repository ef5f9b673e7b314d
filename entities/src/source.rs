//! The federated sources: the 23 shared databases of Appendix 1, the four extra sources that the
//! open datasets of Appendix 3 draw on, and `meta`, the server's own data.

use std::{collections::BTreeMap, fmt, str::FromStr};

use sea_orm::DatabaseConnection;

/// One source database. Each has its own connection and its own migrator; nothing joins across
/// sources in SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    // Appendix 1, group I: direction, administration and building of the sector.
    Personnel,
    Direction,
    Awards,
    Localities,
    Finance,
    Assets,
    Premises,
    PartyMembers,
    // Appendix 1, group II: professional foreign-affairs work.
    CountryProfiles,
    Chronicle,
    News,
    Treaties,
    Agreements,
    OverseasVietnamese,
    ForeignNgos,
    Conferences,
    OfficialPassports,
    Legalization,
    DiplomaticVisas,
    PrivilegesImmunities,
    DigitalLibrary,
    EconomicDiplomacy,
    CulturalDiplomacy,
    // Sources of open datasets that no database of Appendix 1 holds by itself.
    ConsularInformation,
    BorderTerritory,
    DiplomaticCorps,
    VietnameseMissions,
    // The server's own data: the catalogue, partner clients, audit log, revisions.
    Meta,
}

impl Source {
    /// Every source, in catalogue order, `meta` last.
    pub const ALL: [Source; 28] = [
        Source::Personnel,
        Source::Direction,
        Source::Awards,
        Source::Localities,
        Source::Finance,
        Source::Assets,
        Source::Premises,
        Source::PartyMembers,
        Source::CountryProfiles,
        Source::Chronicle,
        Source::News,
        Source::Treaties,
        Source::Agreements,
        Source::OverseasVietnamese,
        Source::ForeignNgos,
        Source::Conferences,
        Source::OfficialPassports,
        Source::Legalization,
        Source::DiplomaticVisas,
        Source::PrivilegesImmunities,
        Source::DigitalLibrary,
        Source::EconomicDiplomacy,
        Source::CulturalDiplomacy,
        Source::ConsularInformation,
        Source::BorderTerritory,
        Source::DiplomaticCorps,
        Source::VietnameseMissions,
        Source::Meta,
    ];

    /// The stable code used in the API, the catalogue and configuration keys.
    pub const fn code(self) -> &'static str {
        match self {
            Source::Personnel => "personnel",
            Source::Direction => "direction",
            Source::Awards => "awards",
            Source::Localities => "localities",
            Source::Finance => "finance",
            Source::Assets => "assets",
            Source::Premises => "premises",
            Source::PartyMembers => "party-members",
            Source::CountryProfiles => "country-profiles",
            Source::Chronicle => "chronicle",
            Source::News => "news",
            Source::Treaties => "treaties",
            Source::Agreements => "agreements",
            Source::OverseasVietnamese => "overseas-vietnamese",
            Source::ForeignNgos => "foreign-ngos",
            Source::Conferences => "conferences",
            Source::OfficialPassports => "official-passports",
            Source::Legalization => "legalization",
            Source::DiplomaticVisas => "diplomatic-visas",
            Source::PrivilegesImmunities => "privileges-immunities",
            Source::DigitalLibrary => "digital-library",
            Source::EconomicDiplomacy => "economic-diplomacy",
            Source::CulturalDiplomacy => "cultural-diplomacy",
            Source::ConsularInformation => "consular-information",
            Source::BorderTerritory => "border-territory",
            Source::DiplomaticCorps => "diplomatic-corps",
            Source::VietnameseMissions => "vietnamese-missions",
            Source::Meta => "meta",
        }
    }

    /// The code as it appears in an environment variable: upper-cased, `-` → `_`
    /// (`party-members` → `PARTY_MEMBERS`, as in `MOFA_SOURCE_PARTY_MEMBERS_URL`).
    pub fn env_code(self) -> String {
        self.code().to_ascii_uppercase().replace('-', "_")
    }

    /// The source whose environment code is `env_code`.
    pub fn from_env_code(env_code: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.env_code() == env_code)
    }

    /// Whether this source is one of the 23 databases of Appendix 1.
    pub fn is_catalogue_database(self) -> bool {
        !matches!(
            self,
            Source::ConsularInformation
                | Source::BorderTerritory
                | Source::DiplomaticCorps
                | Source::VietnameseMissions
                | Source::Meta
        )
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A source code that names no source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSource(pub String);

impl fmt::Display for UnknownSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a source; known sources: ", self.0)?;
        for (i, source) in Source::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(source.code())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownSource {}

impl FromStr for Source {
    type Err = UnknownSource;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Source::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| UnknownSource(code.to_owned()))
    }
}

/// One open connection pool per source. Sources configured with the same URL share one pool.
#[derive(Debug, Clone)]
pub struct SourceConnections {
    by_source: BTreeMap<Source, DatabaseConnection>,
}

impl SourceConnections {
    /// Builds the set from a connection for every source; `None` names the first missing one.
    pub fn new(by_source: BTreeMap<Source, DatabaseConnection>) -> Result<Self, Source> {
        match Source::ALL.into_iter().find(|s| !by_source.contains_key(s)) {
            Some(missing) => Err(missing),
            None => Ok(SourceConnections { by_source }),
        }
    }

    /// The connection of `source`.
    pub fn get(&self, source: Source) -> &DatabaseConnection {
        // `new` guarantees an entry for every source.
        &self.by_source[&source]
    }

    /// Every source with its connection, in catalogue order.
    pub fn iter(&self) -> impl Iterator<Item = (Source, &DatabaseConnection)> {
        self.by_source.iter().map(|(s, c)| (*s, c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for source in Source::ALL {
            assert_eq!(source.code().parse::<Source>(), Ok(source));
            assert_eq!(Source::from_env_code(&source.env_code()), Some(source));
            assert!(seen.insert(source.code()), "duplicate code {source}");
        }
        assert_eq!(
            Source::ALL
                .iter()
                .filter(|s| s.is_catalogue_database())
                .count(),
            23
        );
    }

    #[test]
    fn env_code_upper_cases_and_replaces_dashes() {
        assert_eq!(Source::PartyMembers.env_code(), "PARTY_MEMBERS");
        assert!("nope".parse::<Source>().is_err());
    }
}
