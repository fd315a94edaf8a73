#include <core/store/sql.h>
#include <core/sync/inbox.h>
#include <core/sync/ownershipmap.h>
#include <core/sync/secretstore.h>
#include <tests/support/tempstore.h>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;
using Ledgerdesk::Testing::TempStore;

namespace {

InboxEvent levelUpdate(const QString &id, UtcMillis sourceAt)
{
    return InboxEvent{QStringLiteral("shopify"),
                      id,
                      QStringLiteral("inventory_levels/update"),
                      QStringLiteral("FJ-NAVY-M@WH-EAST:available"),
                      sourceAt,
                      R"({"available":4})"};
}

} // namespace

TEST(Inbox, aRedeliveredWebhookIsRecordedOnce)
{
    TempStore t;
    QSqlDatabase db = t.store().connection();
    const auto first = Inbox::receive(db, levelUpdate(QStringLiteral("w-1"), 1000), 5000);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first.value().verdict, InboxVerdict::Apply);
    ASSERT_TRUE(Inbox::markApplied(db, first.value().id, QStringLiteral("applied"), 5001).ok());
    EXPECT_EQ(Inbox::receive(db, levelUpdate(QStringLiteral("w-1"), 1000), 6000).value().verdict,
              InboxVerdict::Duplicate);
}

TEST(Inbox, anOlderEventNeverOverwritesNewerState)
{
    TempStore t;
    QSqlDatabase db = t.store().connection();
    const auto newer = Inbox::receive(db, levelUpdate(QStringLiteral("w-2"), 2000), 5000);
    ASSERT_TRUE(Inbox::markApplied(db, newer.value().id, QStringLiteral("applied"), 5001).ok());
    const auto older = Inbox::receive(db, levelUpdate(QStringLiteral("w-1"), 1000), 6000);
    EXPECT_EQ(older.value().verdict, InboxVerdict::Stale);
    const auto later = Inbox::receive(db, levelUpdate(QStringLiteral("w-3"), 3000), 7000);
    EXPECT_EQ(later.value().verdict, InboxVerdict::Apply);
    EXPECT_FALSE(Inbox::receive(db, levelUpdate(QString(), 3000), 7000).ok());
}

TEST(OwnershipMap, startsWithTheDesignDefaults_andEditsAreAudited)
{
    TempStore t;
    OwnershipMap map(t.store());
    EXPECT_EQ(map.owner(QStringLiteral("on_hand")).value(), QStringLiteral("wms"));
    EXPECT_EQ(map.owner(QStringLiteral("price")).value(), QStringLiteral("erp"));
    EXPECT_EQ(map.owner(QStringLiteral("company")).value(), QStringLiteral("shopify"));
    EXPECT_TRUE(map.owner(QStringLiteral("nonsense")).value().isEmpty());
    ASSERT_TRUE(
        map.setOwner(QStringLiteral("on_hand"), QStringLiteral("erp"), QStringLiteral("maria"))
            .ok());
    EXPECT_EQ(map.owner(QStringLiteral("on_hand")).value(), QStringLiteral("erp"));
    EXPECT_FALSE(map.setOwner(QStringLiteral("on_hand"), QString(), QStringLiteral("maria")).ok());
    auto audit
        = runQuery(t.store().connection(),
                   QStringLiteral("SELECT detail FROM audit_log WHERE action = 'ownership.set'"));
    ASSERT_TRUE(audit.value().next());
    EXPECT_EQ(audit.value().value(0).toString(), QStringLiteral("wms -> erp"));
}

TEST(InMemorySecretStore, readsWhatWasWritten_andSaysWhenNothingIsThere)
{
    InMemorySecretStore secrets;
    EXPECT_EQ(secrets.read(QStringLiteral("shopify/token")).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(secrets.write(QStringLiteral("shopify/token"), "shpat_123").ok());
    EXPECT_EQ(secrets.read(QStringLiteral("shopify/token")).value(), QByteArray("shpat_123"));
    ASSERT_TRUE(secrets.remove(QStringLiteral("shopify/token")).ok());
    EXPECT_FALSE(secrets.read(QStringLiteral("shopify/token")).ok());
}
