package ChatKit::Error::InternalServer;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Error::API';

our $VERSION = '0.1.0';

1;

__END__

=head1 NAME

ChatKit::Error::InternalServer - 500+: the server failed (any status of 500 or more)

=head1 DESCRIPTION

A L<ChatKit::Error::API> with C<status>, C<body> and C<request_id>.

=cut
