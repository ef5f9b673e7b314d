//! Source `direction` (all units): documents, rules and the Minister's directions, and the tasks
//! they assign, for direction and administration. It holds no state secret. Roots:
//! `directionItems`, `directionItem(id)`.

use chrono::NaiveDate;
use entities::direction::direction_item;

use crate::record::record_api;

record_api! {
    /// A document, rule, direction or assigned task of the direction and administration database.
    DirectionItem(DirectionItemConnection, DirectionItemEdge) = direction_item in Direction, guarded;
    query DirectionItemQuery {
        /// Documents, directions and tasks for direction and administration (staff).
        direction_items,
        /// One direction item by its id, if the caller may see it.
        direction_item,
    }
    filter DirectionItemFilter {
        /// `incoming_document`, `outgoing_document`, `legal_document`, `procedure`, `direction`, `task`.
        kind: String => eq(Kind),
        /// Unit the task is assigned to.
        assigned_unit: String => code(AssignedUnit),
        /// `open`, `in_progress`, `done`, `overdue`.
        task_status: String => eq(TaskStatus),
        /// Due on or after.
        due_from: NaiveDate => from(DueOn),
        /// Due on or before.
        due_to: NaiveDate => to(DueOn),
    }
    fields {
        /// Document number.
        number: Option<String>,
        /// The title, in English.
        title_en: Option<String>,
        /// Summary, in Vietnamese.
        summary_vi: Option<String>,
        /// Date of issue.
        issued_on: Option<NaiveDate>,
        /// Issuing unit or agency.
        issuing_unit: Option<String>,
        /// Unit the task is assigned to.
        assigned_unit: Option<String>,
        /// Deadline of the task.
        due_on: Option<NaiveDate>,
        /// `open`, `in_progress`, `done`, `overdue`.
        task_status: Option<String>,
    }
    guarded {
        /// `incoming_document`, `outgoing_document`, `legal_document`, `procedure`, `direction`, `task`.
        kind: String,
        /// The title, in Vietnamese.
        title_vi: String,
    }
    computed {

    }
}
