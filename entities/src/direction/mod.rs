//! Source `direction` (all units): documents, rules and the Minister's directions, and the tasks
//! they assign, for direction and administration. It holds no state secret.

pub mod direction_item;
