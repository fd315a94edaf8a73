#include <core/store/schema.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;

TEST(Schema, everyEarlierVersionMigratesToTheLatestKeepingItsData)
{
    for (int from = 0; from < latestSchemaVersion(); ++from) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        {
            Store old(StoreConfig::sqlite(path));
            ASSERT_TRUE(old.openWithoutMigrating().ok());
            ASSERT_TRUE(migrate(old.connection(), old.dialect(), from).ok());
            EXPECT_EQ(schemaVersion(old.connection()).value(), from);
            if (from >= 1) {
                ASSERT_TRUE(
                    execAll(
                        old.connection(),
                        {QStringLiteral("INSERT INTO styles (handle, title) VALUES ('tee', 'Tee')"),
                         QStringLiteral("INSERT INTO locations (code, name, kind) VALUES ('WH', "
                                        "'Warehouse', 'warehouse')")})
                        .ok());
            }
        }
        Store current(StoreConfig::sqlite(path));
        const Status opened = current.open();
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        EXPECT_EQ(schemaVersion(current.connection()).value(), latestSchemaVersion());
        if (from >= 1) {
            auto q = runQuery(current.connection(),
                              QStringLiteral("SELECT title FROM styles WHERE handle = 'tee'"));
            ASSERT_TRUE(q.ok());
            ASSERT_TRUE(q.value().next()) << "data lost migrating from " << from;
        }
    }
}

TEST(Schema, aNewerSchemaIsRefusedRatherThanDamaged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.db"));
    {
        Store s(StoreConfig::sqlite(path));
        ASSERT_TRUE(s.open().ok());
        ASSERT_TRUE(
            execAll(s.connection(),
                    {QStringLiteral("UPDATE meta SET value = '999' WHERE key = 'schema_version'")})
                .ok());
    }
    Store again(StoreConfig::sqlite(path));
    const Status opened = again.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("newer")));
}

TEST(Schema, ledgerUsesWalWithFullSync)
{
    QTemporaryDir dir;
    Store s(StoreConfig::sqlite(dir.filePath(QStringLiteral("l.db"))));
    ASSERT_TRUE(s.open().ok());
    QSqlQuery q(s.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("wal"));
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 2);
}
