#pragma once

#include <QList>
#include <QPushButton>
#include <QWidget>

class QHBoxLayout;

namespace Ledgerdesk::Ui {

// A row of a page's action buttons, each named for tests and explained by its tooltip.
class ActionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionBar)

public:
    explicit ActionBar(QWidget *parent = nullptr);
    ~ActionBar() override;

    template <typename Receiver>
    QPushButton *add(const QString &name,
                     const QString &text,
                     const QString &tip,
                     Receiver *receiver,
                     void (Receiver::*slot)())
    {
        QPushButton *button = addButton(name, text, tip);
        connect(button, &QPushButton::clicked, receiver, slot);
        return button;
    }

    // What follows sits at the far end of the row.
    void addStretch();

    const QList<QPushButton *> &buttons() const { return m_buttons; }

private:
    QPushButton *addButton(const QString &name, const QString &text, const QString &tip);

    QHBoxLayout *m_layout = nullptr;
    QList<QPushButton *> m_buttons;
};

} // namespace Ledgerdesk::Ui
