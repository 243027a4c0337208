package ChatKit::Error::Conflict;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Error::API';

our $VERSION = '0.1.0';

1;

__END__

=head1 NAME

ChatKit::Error::Conflict - 409: the request conflicts with the resource's state

=head1 DESCRIPTION

A L<ChatKit::Error::API> with C<status>, C<body> and C<request_id>.

=cut
