#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Ledgerdesk::Core {

enum class ErrorCode {
    Validation,
    NotFound,
    Conflict,
    InsufficientStock,
    Storage,
    Io,
    Network,
    Unauthorized,
    RateLimited,
};

struct Error
{
    ErrorCode code = ErrorCode::Validation;
    QString message;
};

// Expected failures travel as values; exceptions never cross a public core boundary.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}

    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }

    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }

    T &value() & { return std::get<T>(m_state); }

    T &&value() && { return std::get<T>(std::move(m_state)); }

    const T *operator->() const { return &std::get<T>(m_state); }

    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

struct Unit
{};

using Status = Result<Unit>;

inline Status success()
{
    return Unit{};
}

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

QString errorCodeName(ErrorCode code);

} // namespace Ledgerdesk::Core
