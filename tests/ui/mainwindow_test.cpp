#include <tests/support/tempstore.h>
#include <ui/mainwindow.h>

#include <gtest/gtest.h>

using Ledgerdesk::Testing::TempStore;

TEST(MainWindow, opensOnALedger)
{
    TempStore t;
    Ledgerdesk::Ui::MainWindow window(t.store());
    window.show();
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("Ledgerdesk")));
}
