#pragma once

namespace Ledgerdesk::Cli {

// The statements core/ledger/postingwriter.cpp and Ledger::balance prepare, shared by the
// baselines so they run exactly the app's SQL.
inline constexpr const char *kInsertPosting
    = "INSERT INTO postings (source, reference, request_hash, reason, actor, occurred_at, "
      "recorded_at, note, override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
      "(source, reference) DO NOTHING RETURNING id";
inline constexpr const char *kInsertMovement
    = "INSERT INTO movements (posting_id, variant_id, location_id, d_available, d_committed, "
      "d_reserved, d_damaged, d_quality_control, d_safety_stock, d_incoming) VALUES (?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?)";
inline constexpr const char *kUpsertBalance
    = "INSERT INTO balances (variant_id, location_id, available, committed, reserved, damaged, "
      "quality_control, safety_stock, incoming, on_hand, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?) ON CONFLICT (variant_id, location_id) DO UPDATE SET available = "
      "balances.available + excluded.available, committed = balances.committed + "
      "excluded.committed, reserved = balances.reserved + excluded.reserved, damaged = "
      "balances.damaged + excluded.damaged, quality_control = balances.quality_control + "
      "excluded.quality_control, safety_stock = balances.safety_stock + excluded.safety_stock, "
      "incoming = balances.incoming + excluded.incoming, on_hand = balances.on_hand + "
      "excluded.on_hand, updated_at = excluded.updated_at RETURNING available, committed, "
      "reserved, damaged, quality_control, safety_stock, incoming";
inline constexpr const char *kLookup
    = "SELECT available, committed, reserved, damaged, quality_control, safety_stock, incoming "
      "FROM balances WHERE variant_id = ? AND location_id = ?";
// A stand-in for the app's per-request content hash: the engine stores 32 characters either way.
inline constexpr const char *kHash = "0123456789abcdef0123456789abcdef";

} // namespace Ledgerdesk::Cli
