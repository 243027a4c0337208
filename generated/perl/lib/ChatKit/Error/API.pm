package ChatKit::Error::API;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Error';
use ChatKit::Error                      ();
use ChatKit::Error::BadRequest          ();
use ChatKit::Error::Authentication      ();
use ChatKit::Error::PermissionDenied    ();
use ChatKit::Error::NotFound            ();
use ChatKit::Error::Conflict            ();
use ChatKit::Error::UnprocessableEntity ();
use ChatKit::Error::RateLimit           ();
use ChatKit::Error::InternalServer      ();

our $VERSION = '0.1.0';

my %BY_STATUS = (
    400 => 'ChatKit::Error::BadRequest',
    401 => 'ChatKit::Error::Authentication',
    403 => 'ChatKit::Error::PermissionDenied',
    404 => 'ChatKit::Error::NotFound',
    409 => 'ChatKit::Error::Conflict',
    422 => 'ChatKit::Error::UnprocessableEntity',
    429 => 'ChatKit::Error::RateLimit',
);

# The class thrown for an HTTP status.
sub class_for_status {
    my ( undef, $status ) = @_;
    return $BY_STATUS{$status} if $BY_STATUS{$status};
    return $status >= 500 ? 'ChatKit::Error::InternalServer' : __PACKAGE__;
}

# The HTTP status code.
sub status { my ($self) = @_; return $self->{status} }

# The decoded JSON body (a hash or array ref), or the raw text when it is not JSON.
sub body { my ($self) = @_; return $self->{body} }

# The x-request-id response header, when the server sent one.
sub request_id { my ($self) = @_; return $self->{request_id} }

# The response headers (lower-case names).
sub headers { my ($self) = @_; return $self->{headers} || {} }

1;

__END__

=head1 NAME

ChatKit::Error::API - the server answered with an error status

=head1 DESCRIPTION

Each status has its subclass; other statuses throw this class itself.

=over 4

=item L<ChatKit::Error::BadRequest>: 400, the request is malformed or a parameter is invalid

=item L<ChatKit::Error::Authentication>: 401, the credentials are missing or invalid

=item L<ChatKit::Error::PermissionDenied>: 403, the credentials do not allow this request

=item L<ChatKit::Error::NotFound>: 404, the resource does not exist

=item L<ChatKit::Error::Conflict>: 409, the request conflicts with the resource's state

=item L<ChatKit::Error::UnprocessableEntity>: 422, the request is well-formed but cannot be processed

=item L<ChatKit::Error::RateLimit>: 429, too many requests

=item L<ChatKit::Error::InternalServer>: 500+, the server failed (any status of 500 or more)

=back

=head1 METHODS

=over 4

=item status

=item body

=item request_id

=item headers

=item class_for_status($status)

=back

=cut
