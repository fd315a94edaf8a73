#include <ui/dialogs/firstrundialog.h>

#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

using Ledgerdesk::Ui::FirstRunDialog;

TEST(FirstRunDialog, offersTheLiveDemoFirst)
{
    FirstRunDialog dialog;
    dialog.show();
    EXPECT_TRUE(dialog.button(FirstRunDialog::Choice::LiveDemo)->isDefault());
    // Enter takes the default.
    QTest::keyClick(&dialog, Qt::Key_Return);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.choice(), FirstRunDialog::Choice::LiveDemo);
}

TEST(FirstRunDialog, canStartWithAnEmptyLedger)
{
    FirstRunDialog dialog;
    dialog.show();
    dialog.button(FirstRunDialog::Choice::EmptyLedger)->click();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.choice(), FirstRunDialog::Choice::EmptyLedger);
    EXPECT_TRUE(dialog.ledgerPath().isEmpty());
}
