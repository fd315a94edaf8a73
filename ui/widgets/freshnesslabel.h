#pragma once

#include <core/domain/timestamp.h>

#include <QLabel>

class QTimer;

namespace Ledgerdesk::Ui {

// "updated 3 s ago": the age of the newest change in the ledger, kept current by a timer.
class FreshnessLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreshnessLabel)

public:
    explicit FreshnessLabel(QWidget *parent = nullptr);
    ~FreshnessLabel() override;

    // The newest balance change, in UTC milliseconds; 0 when the ledger holds no stock yet.
    void setNewestChange(Core::UtcMillis newest);

    Core::UtcMillis newestChange() const { return m_newest; }

    static QString describe(Core::UtcMillis newest, Core::UtcMillis now);

private:
    void updateText();

    QTimer *m_tick = nullptr;
    Core::UtcMillis m_newest = 0;
};

} // namespace Ledgerdesk::Ui
