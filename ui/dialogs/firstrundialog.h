#pragma once

#include <QDialog>

class QPushButton;

namespace Ledgerdesk::Ui {

// Shown on the very first start (no ledger, no saved connections): look around in the live
// demo, start an empty ledger, or open a ledger file that exists already.
class FirstRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunDialog)

public:
    enum class Choice { LiveDemo, EmptyLedger, OpenFile };
    Q_ENUM(Choice)

    explicit FirstRunDialog(QWidget *parent = nullptr);
    ~FirstRunDialog() override;

    Choice choice() const { return m_choice; }

    // The ledger file picked with "Open a ledger file…".
    QString ledgerPath() const { return m_path; }

    QPushButton *button(Choice choice) const;

private:
    void choose(Choice choice);
    void openFile();

    Choice m_choice = Choice::LiveDemo;
    QString m_path;
    QPushButton *m_demo = nullptr;
    QPushButton *m_empty = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace Ledgerdesk::Ui
