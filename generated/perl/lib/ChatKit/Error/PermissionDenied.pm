package ChatKit::Error::PermissionDenied;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Error::API';

our $VERSION = '0.1.0';

1;

__END__

=head1 NAME

ChatKit::Error::PermissionDenied - 403: the credentials do not allow this request

=head1 DESCRIPTION

A L<ChatKit::Error::API> with C<status>, C<body> and C<request_id>.

=cut
